package org.kkr4j.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.kkr4j.store.StoreException;

/** The small JSON texts the store keeps (attributes, event detail, code helpers). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Null passes; anything else must be one JSON object. */
    public static String requireObject(String json, String what) {
        if (json == null) {
            return null;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, got: " + json);
        }
        return json;
    }

    public static String object(Map<String, ?> values) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, String> stringMap(String json, String what) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException(what + " is not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
