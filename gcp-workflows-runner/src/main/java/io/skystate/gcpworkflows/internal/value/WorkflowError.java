package io.skystate.gcpworkflows.internal.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Workflows exception travelling through the interpreter: the raised value (usually an error map
 * {@code {"message": ..., "tags": [...]}}, but any value can be raised) plus the steps it passed through.
 *
 * <p>Error maps follow https://cloud.google.com/workflows/docs/reference/syntax/error-types. Not thread-safe: one
 * error belongs to the thread that propagates it.
 */
public final class WorkflowError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object value;
    private final transient List<Frame> frames = new ArrayList<>();

    /** Where an error was raised or passed through: a step of a routine at a source position. */
    public record Frame(String routine, String step, int line, int column) {
    }

    public WorkflowError(Object value) {
        super(describe(value), null, false, false);
        this.value = value;
    }

    /** An error map with one tag, as the runtime raises it. */
    public static WorkflowError of(String tag, String message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("message", message);
        map.put("tags", new ArrayList<>(List.of(tag)));
        return new WorkflowError(map);
    }

    /** An error map with one tag and extra fields (for example {@code code}, {@code body} of an HttpError). */
    public static WorkflowError of(String tag, String message, Map<String, Object> extra) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("message", message);
        map.putAll(extra);
        map.put("tags", new ArrayList<>(List.of(tag)));
        return new WorkflowError(map);
    }

    public static WorkflowError typeError(String message) {
        return of(ErrorTags.TYPE_ERROR, message);
    }

    public static WorkflowError valueError(String message) {
        return of(ErrorTags.VALUE_ERROR, message);
    }

    public static WorkflowError keyError(String message) {
        return of(ErrorTags.KEY_ERROR, message);
    }

    public static WorkflowError indexError(String message) {
        return of(ErrorTags.INDEX_ERROR, message);
    }

    /** The raised value, as {@code except: as: e} sees it. */
    public Object value() {
        return value;
    }

    /** Whether this error carries the given tag in its {@code tags} list. */
    public boolean hasTag(String tag) {
        return value instanceof Map<?, ?> map && map.get("tags") instanceof List<?> tags && tags.contains(tag);
    }

    /** Records a step the error passed through; the first frame is where it was raised. */
    public void addFrame(Frame frame) {
        if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(frame)) {
            frames.add(frame);
        }
    }

    /** The frames, innermost first. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?> map && map.get("message") instanceof String message) {
            Object tags = map.get("tags");
            return (tags instanceof List<?> list && !list.isEmpty() ? list.get(0) + ": " : "") + message;
        }
        return String.valueOf(value);
    }
}
