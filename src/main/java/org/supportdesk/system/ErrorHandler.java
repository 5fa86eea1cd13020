package org.supportdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
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
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;

/** The one place where failures become the seed's `{"detail": ...}` bodies. */
@RestControllerAdvice
class ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<Object> invalid(InvalidRequest e) {
        return body(HttpStatus.UNPROCESSABLE_CONTENT, e.problems());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return body(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        PayloadTooLarge tooLarge = find(e, PayloadTooLarge.class);
        if (tooLarge != null) {
            return body(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        }
        JacksonException json = find(e, JacksonException.class);
        if (json != null) {
            var where = json.getLocation();
            String at = where == null || where.getLineNr() < 0
                    ? ""
                    : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            return body(HttpStatus.BAD_REQUEST, "Malformed JSON body" + at + ": " + json.getOriginalMessage());
        }
        return body(HttpStatus.BAD_REQUEST, "Malformed request body");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
        MediaType given = e.getContentType();
        String expected = e.getSupportedMediaTypes().isEmpty()
                ? "application/json"
                : String.join(
                        ", ",
                        e.getSupportedMediaTypes().stream()
                                .map(MediaType::toString)
                                .toList());
        return body(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported content type " + (given == null ? "(none)" : "'" + given + "'") + "; expected "
                        + expected);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> uploadTooLarge(MaxUploadSizeExceededException e) {
        return body(HttpStatus.CONTENT_TOO_LARGE, "Upload is larger than the configured limit");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        if (find(e, PayloadTooLarge.class) != null) {
            return body(
                    HttpStatus.CONTENT_TOO_LARGE, find(e, PayloadTooLarge.class).getMessage());
        }
        return body(HttpStatus.BAD_REQUEST, "Malformed multipart request");
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
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("detail", "Database unavailable, please retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e, HttpServletRequest request) {
        if (lostTheDatabase(e)) {
            // e.g. a commit whose connection broke: TransactionSystemException, not a DataAccessException
            return databaseUnavailable(e, request);
        }
        if (find(e, PayloadTooLarge.class) != null) {
            return body(
                    HttpStatus.CONTENT_TOO_LARGE, find(e, PayloadTooLarge.class).getMessage());
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // Spring's own client errors (405, 406, unknown path, missing part...): keep the status,
            // say it in the seed's shape and words ("Method Not Allowed", "Not Found").
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return body(status, status.getReasonPhrase());
        }
        log.error("Unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    static ResponseEntity<Object> body(HttpStatus status, Object detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("detail", detail instanceof List<?> l ? l : String.valueOf(detail)));
    }

    /**
     * True when a cause says the connection to the database failed: the JDBC connection exceptions,
     * SQLState class 08 (connection exception), or PostgreSQL's 57P01-57P03 (the server is shutting
     * down, crashed or is starting up); also when a rollback failed after such a failure.
     */
    static boolean lostTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && lostTheDatabase(rollback.getApplicationException())) {
                // The rollback failed on the broken connection and hides why it was rolled back.
                return true;
            }
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
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
