package com.example.images;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The application's own controller beside the API: the stub leaves it alone. */
@RestController
class HelloController {

    @GetMapping("/hello")
    Map<String, String> hello() {
        return Map.of("greeting", "hello");
    }

    @GetMapping("/hello/conflict")
    Map<String, String> conflict() {
        throw new ResponseStatusException(HttpStatus.CONFLICT, "the application's own conflict");
    }
}
