package io.skystate.aws.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Lambda Java runtime does with a {@code RequestStreamHandler}, in a fresh JVM: instantiate the handler
 * class by its public no-argument constructor (the init phase, which reads the function's environment variables),
 * then call {@code handleRequest} with the event's bytes and a context named by {@code AWS_LAMBDA_FUNCTION_NAME}.
 * Writes the response bytes to the response file, or on failure the runtime's error document
 * ({@code errorMessage}, {@code errorType}) and exits with status 1.
 *
 * <p>Usage: {@code LocalLambdaInvoke <handler class> <event file> <response file>}
 */
public final class LocalLambdaInvoke {
    private LocalLambdaInvoke() {
    }

    public static void main(String[] args) throws Exception {
        Path response = Path.of(args[2]);
        int status = 0;
        try {
            RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor()
                    .newInstance();
            TestLambdaContext context = new TestLambdaContext(
                    System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local"), Duration.ofSeconds(30));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try (InputStream input = Files.newInputStream(Path.of(args[1]))) {
                handler.handleRequest(input, output, context);
            }
            Files.write(response, output.toByteArray());
        } catch (Throwable t) {
            Throwable error = t instanceof InvocationTargetException wrapped ? wrapped.getCause() : t;
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("errorMessage", String.valueOf(error.getMessage()));
            document.put("errorType", error.getClass().getName());
            Files.write(response, new ObjectMapper().writeValueAsBytes(document));
            status = 1;
        }
        System.out.flush();
        System.exit(status);   // as the runtime ends the process, whatever non-daemon threads the handler started
    }

    /** Runs {@code handlerClass} on {@code eventJson} in a child JVM with this JVM's class path and {@code env}. */
    static Result run(Class<? extends RequestStreamHandler> handlerClass, Map<String, String> env, String eventJson)
            throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "lambda-");
        Path event = Files.writeString(dir.resolve("event.json"), eventJson);
        Path response = dir.resolve("response.json");
        Path log = dir.resolve("process.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalLambdaInvoke.class.getName(),
                handlerClass.getName(), event.toString(), response.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("SKYSTATE_")
                || name.startsWith("SPRING_") || name.equals("MAIN_CLASS"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("lambda process did not finish in 90 s; see " + log);
        }
        String body = Files.exists(response) ? Files.readString(response) : "";
        return new Result(process.exitValue(), body, Files.readString(log));
    }

    record Result(int exitCode, String response, String log) {
    }
}
