package be.buurtstem.bot.service.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * A form body (or query) that is not valid UTF-8, on any route: 400 with a fixed reason. Left alone, Tomcat's
 * exception escapes the dispatcher and is logged at ERROR with the undecodable parameter quoted, i.e. with whatever a
 * stranger or a resident wrote; its message is therefore never logged here.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnreadableRequests {
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, String>> undecodable(InvalidParameterException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request",
                "reason", "the request is not valid UTF-8 or not a JSON body"));
    }
}
