package org.supportdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;

/**
 * The one place where failures become the seed's `{"detail": ...}` bodies and get their status.
 * Exceptions say what went wrong, never which status it is: the features' own exceptions extend
 * the kinds declared in this package ({@link NotFound}, {@link VersionConflict}, {@link
 * MalformedRequest}, ...), since this package may not depend on the features.
 */
@RestControllerAdvice
class ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    private final long uploadLimit;

    ErrorHandler(SupportdeskProperties properties) {
        this.uploadLimit = properties.importMaxSize().toBytes();
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<Object> invalid(InvalidRequest e) {
        return ErrorResponses.entity(HttpStatus.UNPROCESSABLE_CONTENT, e.problems());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        return ErrorResponses.entity(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(VersionConflict.class)
    ResponseEntity<Object> stale(VersionConflict e) {
        return ErrorResponses.entity(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Object> conflict(Conflict e) {
        return ErrorResponses.entity(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<Object> tooLarge(TooLarge e) {
        return ErrorResponses.entity(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(NotSupportedHere.class)
    ResponseEntity<Object> notSupported(NotSupportedHere e) {
        return ErrorResponses.entity(HttpStatus.NOT_IMPLEMENTED, e.getMessage());
    }

    @ExceptionHandler(StorageFull.class)
    ResponseEntity<Object> storageFull(StorageFull e) {
        return ErrorResponses.entity(HttpStatus.INSUFFICIENT_STORAGE, e.getMessage());
    }

    @ExceptionHandler(Unavailable.class)
    ResponseEntity<Object> unavailable(Unavailable e, HttpServletRequest request) {
        e.log(request);
        return ErrorResponses.entity(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(MalformedRequest.class)
    ResponseEntity<Object> malformed(MalformedRequest e) {
        return unlessTooLarge(e, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(UnsupportedContentType.class)
    ResponseEntity<Object> unsupported(UnsupportedContentType e) {
        return ErrorResponses.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        JacksonException json = find(e, JacksonException.class);
        if (json == null) {
            return unlessTooLarge(e, HttpStatus.BAD_REQUEST, "Malformed request body");
        }
        var where = json.getLocation();
        String at = where == null || where.getLineNr() < 0
                ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return unlessTooLarge(e, HttpStatus.BAD_REQUEST, "Malformed JSON body" + at + ": " + JsonMessages.plain(json));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return ErrorResponses.entity(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, UnsupportedMediaTypes.detail(e, request.getContentType()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ErrorResponses.entity(HttpStatus.NOT_ACCEPTABLE, NotAcceptable.detail(e), e.getHeaders());
    }

    @ExceptionHandler(NotAcceptable.Refused.class)
    ResponseEntity<Object> notAcceptable(NotAcceptable.Refused e) {
        // Spring's 406, which it does not give for a type refused with q=0: the same detail and headers.
        return notAcceptable(new HttpMediaTypeNotAcceptableException(List.of(MediaType.parseMediaType(e.type))));
    }

    @ExceptionHandler(NotAcceptable.BeforeChange.class)
    ResponseEntity<Object> notAcceptable(NotAcceptable.BeforeChange e) {
        // The Accept header Spring's own 406 carries, naming what the answer would have been.
        var headers = new HttpHeaders();
        headers.setAccept(NotAcceptable.CHANGES_ANSWER);
        return ErrorResponses.entity(HttpStatus.NOT_ACCEPTABLE, NotAcceptable.detail(e), headers);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        return UploadFailures.answer(e, uploadLimit);
    }

    /**
     * Tomcat could not decode the parameters of a form body (the query string is checked before,
     * by QueryStringFilter). Its message quotes the values, so it is neither sent nor logged.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> parameters(InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        return status == HttpStatus.CONTENT_TOO_LARGE
                ? ErrorResponses.entity(status, "Request parameters are larger than the limit")
                : ErrorResponses.entity(
                        HttpStatus.BAD_REQUEST, "Request parameters are not valid percent-encoded UTF-8");
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        RecoverableDataAccessException.class,
        TransientDataAccessException.class,
        PessimisticLockingFailureException.class
    })
    ResponseEntity<Object> databaseUnavailable(Exception e, HttpServletRequest request) {
        if (Failures.collided(e)) {
            // PostgreSQL chose this transaction to break a deadlock (or a serialisation failure):
            // the database is fine, and the change was rolled back whole.
            log.info(
                    "Change collided on {} {}: {}",
                    request.getMethod(),
                    LoggedPath.of(request.getRequestURI()),
                    e.toString());
            return ErrorResponses.entity(
                    HttpStatus.CONFLICT,
                    "The change met another change of the same tickets at the same moment and was not made;"
                            + " nothing was stored, send it again");
        }
        log.warn(
                "Database unavailable for {} {}: {}",
                request.getMethod(),
                LoggedPath.of(request.getRequestURI()),
                e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("detail", "Database unavailable, please retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e, HttpServletRequest request) {
        if (Failures.lostTheDatabase(e)) {
            // e.g. a commit whose connection broke: TransactionSystemException, not a DataAccessException
            return databaseUnavailable(e, request);
        }
        PayloadTooLarge tooLarge = find(e, PayloadTooLarge.class);
        if (tooLarge != null) {
            return ErrorResponses.entity(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // Spring's own client errors (405, unknown path, missing part...): keep the status,
            // say it in the seed's shape and words ("Method Not Allowed", "Not Found").
            // Its headers too: a 405's Allow, as RFC 9110 asks and AuthFilter's own 405 gives.
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return ErrorResponses.entity(status, status.getReasonPhrase(), framework.getHeaders());
        }
        if (Failures.clientGone(e)) {
            // The client went away mid-response ("Connection reset by peer"): nothing is wrong
            // here, and nothing can be answered.
            log.debug(
                    "Client gone during {} {}: {}",
                    request.getMethod(),
                    LoggedPath.of(request.getRequestURI()),
                    e.toString());
            return null;
        }
        log.error("Unhandled failure on {} {}", request.getMethod(), LoggedPath.of(request.getRequestURI()), e);
        return ErrorResponses.entity(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    /** 413 when a size limit cut the reading short, whatever the reader made of that; else as given. */
    private static ResponseEntity<Object> unlessTooLarge(Throwable e, HttpStatus status, String detail) {
        PayloadTooLarge tooLarge = find(e, PayloadTooLarge.class);
        return tooLarge != null
                ? ErrorResponses.entity(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage())
                : ErrorResponses.entity(status, detail);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
