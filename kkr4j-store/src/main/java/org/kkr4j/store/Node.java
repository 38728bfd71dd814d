package org.kkr4j.store;

import java.time.Instant;

/**
 * A provenance node. Data nodes hold files ({@link Store#files}); calculation nodes are specx runs
 * ({@link Run}); workflow nodes group calls.
 *
 * @param id        store-local id
 * @param uuid      globally unique id (survives export/import)
 * @param kind      data, calculation or workflow
 * @param type      e.g. {@code akaikkr.card}, {@code akaikkr.files}, {@code specx.run}, {@code workflow.batch}
 * @param label     free text for humans
 * @param created   creation time
 * @param attrsJson small JSON object of attributes, or null
 */
public record Node(long id, String uuid, NodeKind kind, String type, String label, Instant created, String attrsJson) {
}
