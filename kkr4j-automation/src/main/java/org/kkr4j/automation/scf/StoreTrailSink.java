package org.kkr4j.automation.scf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.kkr4j.store.Store;

/**
 * Writes every trail entry as an event of the procedure's workflow node, so that the decisions are part of the
 * provenance graph beside the runs they caused (the documented method's 2019 runs lost this history).
 */
public final class StoreTrailSink implements TrailSink {
    private static final JsonFactory JSON = new JsonFactory();
    private final Store store;
    private final long workflowId;

    public StoreTrailSink(Store store, long workflowId) {
        this.store = store;
        this.workflowId = workflowId;
    }

    @Override
    public void record(ScfStep step) {
        store.appendEvent(workflowId, null, "scf." + step.kind().name().toLowerCase(java.util.Locale.ROOT),
                step.message(), detail(step));
    }

    private static String detail(ScfStep step) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("index", step.index());
            if (step.runId() != null) {
                g.writeNumberField("run", step.runId());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
