package org.supportdesk.security;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.supportdesk.system.SharedSecrets;
import org.supportdesk.system.WorkspacePaths;

/**
 * Spring Security for the workspace, and only for it: its filter is mapped to the workspace's
 * paths ({@link WorkspacePaths}), so API requests never meet it and AuthFilter keeps
 * answering them with API keys exactly as before; AuthFilter in turn lets the workspace's paths
 * through to this chain. Form login with email and password, sessions in a signed cookie
 * ({@link CookieSessions}), CSRF tokens (a cookie, checked against the form field or the htmx
 * header), sign-out, and the roles of API keys (viewer < agent < admin).
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceSecurity {

    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_AGENT\nROLE_AGENT > ROLE_VIEWER");
    }

    @Bean
    SignInThrottle signInThrottle(ObjectProvider<TimeMeter> time) {
        return new SignInThrottle(time.getIfAvailable(() -> TimeMeter.SYSTEM_NANOTIME));
    }

    @Bean
    CookieSessions cookieSessions(SharedSecrets secrets, AgentService agents, Clock clock) {
        return new CookieSessions(() -> secrets.get("workspace-session"), agents, clock);
    }

    @Bean
    AgentAuthentication agentAuthentication(AgentService agents, SignInThrottle throttle) {
        return new AgentAuthentication(agents, throttle);
    }

    /** Spring Security's filter on the workspace's paths only (Spring Boot maps it to every path). */
    @Bean
    static BeanPostProcessor workspaceOnlySecurityFilter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) throws BeansException {
                // Spring Boot's registration of the filter named springSecurityFilterChain.
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && name.equals("securityFilterChainRegistration")) {
                    registration.setUrlPatterns(WorkspacePaths.servletPatterns());
                }
                return bean;
            }
        };
    }

    @Bean
    SecurityFilterChain workspace(
            HttpSecurity http,
            CookieSessions sessions,
            AgentAuthentication authentication,
            AgentService agents,
            SecuritySettings settings)
            throws Exception {
        var csrf = new CookieCsrfTokenRepository();
        csrf.setCookieCustomizer(c -> c.sameSite("Lax"));
        csrf.setHeaderName(CSRF_HEADER);
        // The page to return to after signing in: Lax like the session and CSRF cookies, so a page
        // of another site cannot set where a sign-in here lands.
        var returnTo = new CookieRequestCache();
        returnTo.setCookieCustomizer(c -> c.setAttribute("SameSite", "Lax"));
        http.securityContext(c -> c.securityContextRepository(sessions))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.requestCache(returnTo))
                .csrf(c -> c.csrfTokenRepository(csrf))
                // The chain's own manager, with no parent: the default one's parent is Spring
                // Security's global manager, which holds this provider too (it is a bean, which also
                // keeps Spring Boot from generating an in-memory user) and asked it again after each
                // failure here, so every wrong password was counted twice (or more) by the throttle.
                .authenticationManager(new ProviderManager(authentication))
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/desk")
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                e instanceof AgentAuthentication.Throttled t
                                        ? "/login?wait=" + t.seconds
                                        : "/login?error"))
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler(
                                (request, response, auth) -> CookieSessions.clear(response, request.isSecure()))
                        .logoutSuccessUrl("/login?signed-out"))
                .headers(h -> h.frameOptions(f -> f.disable())
                        .contentTypeOptions(c -> c.disable())
                        // Every script and style comes from the jar: nothing inline, nothing foreign.
                        .contentSecurityPolicy(p -> p.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self';"
                                + " frame-ancestors 'none'; base-uri 'self'; object-src 'none'")))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(entryPoint(agents)).accessDeniedHandler(denied()))
                .addFilterBefore(new SameSiteForms(), CsrfFilter.class)
                .addFilterBefore(new WorkspaceActorFilter(sessions), AuthorizationFilter.class);
        if (!settings.auth()) {
            // Authentication off (a trusted network): the workspace is open, as the API is, and
            // whoever uses it is "anonymous" with an admin's rights.
            http.anonymous(a -> a.principal("anonymous").authorities(SignedIn.authority(Role.ADMIN)))
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
        http.authorizeHttpRequests(
                a -> a.requestMatchers("/login", "/setup", "/password/**", "/assets/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers("/desk/admin", "/desk/admin/**", "/desk/import", "/desk/import/**")
                        .hasRole("ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/desk/**")
                        .hasRole("AGENT")
                        .anyRequest()
                        .hasRole("VIEWER"));
        return http.build();
    }

    /** Not signed in: to the sign-in page, or to the setup page while there is no agent yet. */
    private static AuthenticationEntryPoint entryPoint(AgentService agents) {
        return (request, response, e) -> {
            String target = agents.noAgents() ? "/setup" : "/login";
            if (isHtmx(request)) {
                // htmx follows HX-Redirect with a full page load; a 302 would be swapped into the page.
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            response.sendRedirect(target);
        };
    }

    private static AccessDeniedHandler denied() {
        return (request, response, e) -> page(
                response,
                e instanceof CsrfException
                        ? "This form has expired (or came from another site). Reload the page and try again."
                        : "Your role does not allow this. Ask an admin if you need it.");
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The workspace's 403 page, which needs no sign-in and no template. */
    static void page(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not allowed"
                + " · Supportdesk</title><link rel=\"stylesheet\" href=\"/assets/desk.css\"></head><body><main"
                + " class=\"narrow\"><h1>Not allowed</h1><p role=\"alert\">" + message
                + "</p><p><a href=\"/desk\">Back to the inbox</a></p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
