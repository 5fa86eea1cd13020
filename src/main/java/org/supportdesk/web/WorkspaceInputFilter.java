package org.supportdesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.supportdesk.system.PercentEncoding;
import org.supportdesk.system.ResponseHeaders;
import org.supportdesk.system.SupportdeskProperties;
import org.supportdesk.system.WorkspacePaths;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A workspace page whose address or form is not UTF-8 text (`/desk/list?q=%FF`, a sign-in sending
 * `email=a%FF`) gets a workspace page saying so, with status 400, where it got the API's JSON:
 * QueryStringFilter answers such a query for the API, and a form that Tomcat cannot decode fails in
 * Spring Security's first read of a field (the CSRF token, the sign-in's email), which the container
 * answers as JSON; a form over the body limit (a paste of megabytes into a field) gets a page too,
 * where BodySizeLimitFilter answers JSON. This filter runs before both, on the workspace's pages only, so the API's
 * answers stay exactly as they are. It answers before Spring Security, so the page is the same
 * whether or not one is signed in, and has no navigation (as the workspace's 403 page has none).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class WorkspaceInputFilter extends OncePerRequestFilter {

    private static final int MAX_NAMES_SHOWN = 5;
    // A hand-made name can be as long as the address (kilobytes); the page shows its start.
    private static final int MAX_NAME_SHOWN = 40;

    private final ITemplateEngine templates;
    private final long bodyLimit;
    /**
     * Tomcat refuses a form of more fields with the same error, and status, as a field that is not
     * UTF-8, so the page names both (a bulk action on the largest page stays well under it).
     */
    private final int maxFields;

    WorkspaceInputFilter(
            ITemplateEngine templates,
            SupportdeskProperties properties,
            @Value("${server.tomcat.max-parameter-count:1000}") int maxFields) {
        this.templates = templates;
        this.bodyLimit = properties.maxBodySize().toBytes();
        this.maxFields = maxFields;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The workspace's pages and forms, not their static files.
        return !WorkspacePaths.isPage(RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> names = PercentEncoding.notText(request.getQueryString());
        if (!names.isEmpty()) {
            answer(
                    request,
                    response,
                    "This address cannot be read: " + shown(names)
                            + " not valid text (%-escapes must encode UTF-8). Nothing was changed.");
            return;
        }
        if (isForm(request) && request.getContentLengthLong() > bodyLimit) {
            // BodySizeLimitFilter would answer the API's JSON, which a browser shows as it is.
            response.setHeader("Connection", "close");
            answer(
                    request,
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "Form too large",
                    "This form is larger than the limit of " + size(bodyLimit) + " (a field holds far more text"
                            + " than it may). Nothing was saved: go back and shorten it.");
            return;
        }
        if (formIsNotText(request)) {
            answer(
                    request,
                    response,
                    "This form cannot be read: a field's text is not valid (%-escapes must encode UTF-8),"
                            + " or it has more than " + maxFields + " fields."
                            + " Nothing was saved: go back, type the fields again and send the form once more.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether Tomcat cannot decode the form. Decoding it here costs nothing more: the CSRF check
     * reads it next anyway, and Tomcat keeps what it decoded. Only a form the body limit allows and
     * sent as it is: BodySizeLimitFilter, after this one, refuses the others as it always has.
     */
    private boolean formIsNotText(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (!isForm(request)
                || length < 0
                || length > bodyLimit
                || request.getHeader(HttpHeaders.CONTENT_ENCODING) != null) {
            return false;
        }
        try {
            request.getParameterMap();
            return false;
        } catch (InvalidParameterException e) {
            // Too many or too large parameters are answered as before, where they are read next.
            return e.getErrorCode() == HttpServletResponse.SC_BAD_REQUEST;
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static String size(long bytes) {
        long mb = 1024 * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
    }

    /**
     * "the value of 'q' is", "the values of 'q', 'tag' are"; "a parameter's name is" where only names
     * that are not text themselves ("?") are wrong.
     */
    private static String shown(List<String> names) {
        List<String> readable = names.stream().filter(n -> !n.equals("?")).toList();
        if (readable.isEmpty()) {
            return "a parameter's name is";
        }
        String listed = readable.stream()
                .limit(MAX_NAMES_SHOWN)
                .map(n -> "'" + cut(n) + "'")
                .collect(Collectors.joining(", "));
        return readable.size() == 1
                ? "the value of " + listed + " is"
                : "the values of " + listed + (readable.size() > MAX_NAMES_SHOWN ? "..." : "") + " are";
    }

    private static String cut(String name) {
        return name.codePointCount(0, name.length()) <= MAX_NAME_SHOWN
                ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_NAME_SHOWN)) + "…";
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        answer(request, response, HttpServletResponse.SC_BAD_REQUEST, "Not valid text", message);
    }

    private void answer(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String message)
            throws IOException {
        String path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication()
                .value();
        // Back to the form itself where it has a page of its own, else to the inbox.
        boolean account = !path.startsWith("/desk") && !path.equals("/logout");
        var context = new Context(Locale.ENGLISH);
        context.setVariable("title", title);
        context.setVariable("message", message);
        context.setVariable("back", account ? path : "/desk");
        context.setVariable("backLabel", account ? "Back to the form" : "Back to the inbox");
        byte[] html = templates.process("error/page", context).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        ResponseHeaders.secure(response);
        ResponseHeaders.noStore(response);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
