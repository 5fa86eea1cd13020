package org.supportdesk.imports;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.MalformedRequest;
import org.supportdesk.system.Params;
import org.supportdesk.system.Problem;
import org.supportdesk.system.UnsupportedContentType;

/**
 * Bulk import. The file comes as multipart field `file` (as the seed's UploadFile) or as the raw
 * request body with its content type.
 */
@RestController
class ImportController {

    private static final Set<String> QUERY_PARAMETERS = Set.of("dry_run", "auto_classify");
    private static final Set<String> WORKSPACE_FIELDS = Set.of("_csrf", "auto_classify");

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import tickets from CSV (RFC 4180, header row, UTF-8)")
    @PostMapping("/import/csv")
    ImportResult csv(
            HttpServletRequest request,
            @RequestParam(name = "dry_run", required = false) String dryRun,
            @RequestParam(name = "auto_classify", required = false) String autoClassify,
            Actor actor) {
        return run(ImportFormat.CSV, request, dryRun, autoClassify, actor);
    }

    @Operation(summary = "Import tickets from a JSON array or NDJSON")
    @PostMapping("/import/json")
    ImportResult json(
            HttpServletRequest request,
            @RequestParam(name = "dry_run", required = false) String dryRun,
            @RequestParam(name = "auto_classify", required = false) String autoClassify,
            Actor actor) {
        return run(ImportFormat.JSON, request, dryRun, autoClassify, actor);
    }

    @Operation(summary = "Import tickets from XML: <tickets><ticket>...</ticket></tickets>")
    @PostMapping("/import/xml")
    ImportResult xml(
            HttpServletRequest request,
            @RequestParam(name = "dry_run", required = false) String dryRun,
            @RequestParam(name = "auto_classify", required = false) String autoClassify,
            Actor actor) {
        return run(ImportFormat.XML, request, dryRun, autoClassify, actor);
    }

    @Operation(summary = "Import tickets; the format is taken from the file name, the content type or the content")
    @PostMapping("/tickets/import")
    ImportResult any(
            HttpServletRequest request,
            @RequestParam(name = "dry_run", required = false) String dryRun,
            @RequestParam(name = "auto_classify", required = false) String autoClassify,
            Actor actor) {
        return run(null, request, dryRun, autoClassify, actor);
    }

    private ImportResult run(
            ImportFormat format, HttpServletRequest request, String dryRun, String autoClassify, Actor actor) {
        boolean dry = Params.bool("dry_run", dryRun);
        boolean classifyAll = Params.bool("auto_classify", autoClassify);
        try {
            return imports.importFile(format, upload(request), dry, classifyAll, actor);
        } catch (IOException e) {
            throw new MalformedRequest("Cannot read the upload", e);
        }
    }

    static ImportService.Upload upload(HttpServletRequest request) throws IOException {
        if (request instanceof MultipartHttpServletRequest multipart) {
            try {
                requireOneFile(request.getParts(), request.getRequestURI().startsWith("/desk/"));
            } catch (ServletException e) {
                throw new MalformedRequest("Cannot read the upload", e);
            }
            MultipartFile file = multipart.getFile("file");
            return new ImportService.Upload(file.getOriginalFilename(), file.getContentType(), file.getInputStream());
        }
        String type = request.getContentType();
        if (type == null || !ImportFormat.fromContentType(type).isPresent() && !isGeneric(type)) {
            throw new UnsupportedContentType("Unsupported content type " + (type == null ? "(none)" : "'" + type + "'")
                    + "; send multipart/form-data with a field 'file', or the raw file as text/csv,"
                    + " application/json, application/x-ndjson or application/xml");
        }
        return new ImportService.Upload(null, type, request.getInputStream());
    }

    /**
     * The one part `file`, a file; nothing else, so that no part is left unread without a word (a
     * second file, a `dry_run` sent in the form rather than the query). The workspace's import form
     * also sends its CSRF token and its auto_classify box.
     */
    private static void requireOneFile(Collection<Part> parts, boolean workspace) {
        var problems = new ArrayList<Problem>();
        int files = 0;
        for (Part part : parts) {
            String name = part.getName();
            if (name.equals("file")) {
                if (++files == 2) {
                    problems.add(Problem.body("Field should be sent once, not twice", "value_error", "file"));
                } else if (files == 1 && part.getSubmittedFileName() == null) {
                    problems.add(Problem.body(
                            "Input should be a file (a part with a filename), not a text field",
                            "value_error",
                            "file"));
                }
            } else if (!(workspace && WORKSPACE_FIELDS.contains(name) && part.getSubmittedFileName() == null)) {
                problems.add(Problem.body(
                        QUERY_PARAMETERS.contains(name)
                                ? "Extra inputs are not permitted: " + name + " is a query parameter (?" + name
                                        + "=true), not a field of the form"
                                : "Extra inputs are not permitted: an import takes the one part 'file'",
                        "extra_forbidden",
                        name));
            }
        }
        if (files == 0) {
            problems.add(0, new Problem(List.of("body", "file"), "Field required", "missing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    /** Types that say nothing about the format: the content decides. */
    private static boolean isGeneric(String type) {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("application/octet-stream") || t.startsWith("text/plain");
    }
}
