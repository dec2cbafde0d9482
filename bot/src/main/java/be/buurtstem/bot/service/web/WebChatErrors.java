package be.buurtstem.bot.service.web;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.exc.StreamConstraintsException;

import java.util.Map;

/** A web chat body that cannot be read gets a short JSON reason: 413 when it passes a parser bound, else 400. */
@RestControllerAdvice(assignableTypes = WebChatController.class)
class WebChatErrors {
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return ResponseEntity.status(413).body(Map.of("error", "too_large",
                        "reason", "the request is too deeply nested or has too long a string"));
            }
        }
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "reason", "the body is not valid JSON"));
    }
}
