package org.supportdesk.system;

import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Why a multipart body could not be parsed. Spring reports every limit Tomcat's parser hits as
 * "maximum upload size exceeded"; only the upload's size is a 413, the others (too many parts, a
 * part's headers too long, e.g. a 10 KB file name) are mistakes in the request: 400.
 */
final class UploadFailures {

    private UploadFailures() {}

    static ResponseEntity<Object> answer(MultipartException e, long uploadLimit) {
        // MultipartParser's verdicts: parts that would be left out (422), a body that is not
        // multipart as its Content-Type says (400). Spring may have wrapped them as "upload size
        // exceeded" when their words sound like it, so they are looked for first.
        InvalidRequest parts = ErrorHandler.find(e, InvalidRequest.class);
        if (parts != null) {
            return ErrorResponses.entity(HttpStatus.UNPROCESSABLE_CONTENT, parts.problems());
        }
        MalformedRequest malformed = ErrorHandler.find(e, MalformedRequest.class);
        if (malformed != null) {
            return ErrorResponses.entity(HttpStatus.BAD_REQUEST, malformed.getMessage());
        }
        PayloadTooLarge tooLarge = ErrorHandler.find(e, PayloadTooLarge.class);
        if (tooLarge != null) {
            return ErrorResponses.entity(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        }
        FileCountLimitExceededException count = ErrorHandler.find(e, FileCountLimitExceededException.class);
        if (count != null) {
            return ErrorResponses.entity(
                    HttpStatus.BAD_REQUEST,
                    "Too many parts in the multipart body (at most " + count.getLimit()
                            + "): an import sends its file as the one part 'file', a comment its text fields"
                            + " and files");
        }
        SizeException size = ErrorHandler.find(e, SizeException.class);
        if (size != null && size.getPermittedSize() < uploadLimit) {
            // The parser's other size limit: the headers of one part (its name, file name, type).
            return ErrorResponses.entity(
                    HttpStatus.BAD_REQUEST,
                    "A part's headers are longer than " + size.getPermittedSize()
                            + " bytes; is its file name that long, or do its header lines end with LF alone"
                            + " (multipart needs CRLF)?");
        }
        if (size != null || e instanceof MaxUploadSizeExceededException) {
            return ErrorResponses.entity(
                    HttpStatus.CONTENT_TOO_LARGE, "Upload is larger than the limit of " + uploadLimit + " bytes");
        }
        if (ErrorHandler.find(e, MultipartStream.MalformedStreamException.class) != null) {
            return ErrorResponses.entity(
                    HttpStatus.BAD_REQUEST,
                    "Malformed multipart request: the body ends before its closing boundary line (--boundary--),"
                            + " or a boundary line is followed by other text");
        }
        return ErrorResponses.entity(HttpStatus.BAD_REQUEST, "Malformed multipart request");
    }
}
