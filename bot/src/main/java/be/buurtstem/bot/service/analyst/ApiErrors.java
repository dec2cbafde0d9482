package be.buurtstem.bot.service.analyst;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/** Bad calls to the analyst and organiser API: a status and a reason as JSON, never a stack trace. */
@RestControllerAdvice(assignableTypes = {AnalystController.class, OrganiserController.class,
        be.buurtstem.bot.service.export.ExportController.class, SaturationDownloadController.class,
        be.buurtstem.bot.service.export.qdpx.QdpxController.class})
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    static ResponseEntity<Map<String, Object>> error(int status, String reason) {
        return ResponseEntity.status(status).body(Map.of("error", reason, "status", status));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return error(400, "missing parameter '" + e.getParameterName() + "'");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return error(400, "parameter '" + e.getName() + "' has a wrong value");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(400, "the body must be JSON such as {\"action\": \"confirm\", \"theme\": \"housing\"}");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(415, "send the body as application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception e) {
        log.error("analyst API failed: {}", e.getClass().getSimpleName());
        return error(500, "internal error; see the service log");
    }
}
