package io.skystate.gcpworkflows.internal.server;

import io.skystate.gcpworkflows.internal.model.Program;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deployed workflow and its revisions, newest last (https://cloud.google.com/workflows/docs/reference/rest/v1/projects.locations.workflows).
 * A new revision is made when the source or service account changes. Thread-safe: all access is synchronized.
 */
public final class WorkflowRecord {
    /** One immutable revision: its id ({@code 000001-a4d}), source, parsed program and creation time. */
    public record Revision(String id, String source, Program program, String serviceAccount, Instant createTime) {
    }

    private final String name;
    private final Instant createTime;
    private final List<Revision> revisions = new ArrayList<>();
    private String description;
    private Map<String, String> labels;
    private Map<String, String> userEnvVars;
    private Instant updateTime;

    WorkflowRecord(String name, Instant createTime) {
        this.name = name;
        this.createTime = createTime;
        this.updateTime = createTime;
        this.description = "";
        this.labels = Map.of();
        this.userEnvVars = Map.of();
    }

    public String name() {
        return name;
    }

    /** The id after {@code workflows/}. */
    public String id() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    Instant createTime() {
        return createTime;
    }

    public synchronized Revision latest() {
        return revisions.get(revisions.size() - 1);
    }

    synchronized Revision revision(String id) {
        return revisions.stream().filter(revision -> revision.id().equals(id)).findFirst().orElse(null);
    }

    synchronized void addRevision(Revision revision) {
        revisions.add(revision);
    }

    synchronized int revisionCount() {
        return revisions.size();
    }

    synchronized String description() {
        return description;
    }

    synchronized Map<String, String> labels() {
        return labels;
    }

    synchronized Map<String, String> userEnvVars() {
        return userEnvVars;
    }

    synchronized Instant updateTime() {
        return updateTime;
    }

    synchronized void update(String newDescription, Map<String, String> newLabels, Map<String, String> newEnv,
                             Instant when) {
        if (newDescription != null) {
            description = newDescription;
        }
        if (newLabels != null) {
            labels = Map.copyOf(newLabels);
        }
        if (newEnv != null) {
            userEnvVars = Map.copyOf(newEnv);
        }
        updateTime = when;
    }
}
