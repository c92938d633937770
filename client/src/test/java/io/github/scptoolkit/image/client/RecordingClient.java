package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import feign.Client;
import feign.Request;
import feign.Response;

/** A Feign {@link Client} that records each request it is given and answers from a script. */
final class RecordingClient implements Client {

    /** A valid image body of the CURRENT shape (every version's required fields). */
    static final String IMAGE_JSON = ClientFaultsTest.IMAGE;

    final List<Request> requests = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();

    /** The next attempt fails with an IOException. */
    RecordingClient thenIoFailure() {
        script.add(new IOException("connection reset (scripted)"));
        return this;
    }

    /** The next attempt is answered with {@code status} and {@code body}. */
    RecordingClient then(int status, String body) {
        return then(status, body, Map.of());
    }

    /** The next attempt is answered with {@code status}, {@code body} and these headers besides Content-Type. */
    RecordingClient then(int status, String body, Map<String, String> headers) {
        script.add(new Answer(status, body, headers));
        return this;
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        requests.add(request);
        Object next = script.isEmpty() ? new Answer(200, IMAGE_JSON, Map.of()) : script.poll();
        if (next instanceof IOException e) {
            throw e;
        }
        Answer answer = (Answer) next;
        Map<String, Collection<String>> headers = new HashMap<>();
        headers.put("Content-Type", List.of(answer.status() == 200 ? "application/json" : "application/problem+json"));
        answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return Response.builder()
                .status(answer.status())
                .reason("scripted")
                .request(request)
                .headers(headers)
                .body(answer.body(), StandardCharsets.UTF_8)
                .build();
    }

    /** The single value of a header of a recorded request (fails when absent or repeated). */
    static String header(Request request, String name) {
        List<String> values = request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
        if (values.size() != 1) {
            throw new AssertionError("expected exactly one " + name + " header but got " + values);
        }
        return values.get(0);
    }
}
