package io.concbench.report;

/**
 * One chart of the html export, drawn.
 *
 * @param kind what it shows: {@code wall}, {@code speedup} (against workers, with the fitted laws),
 *     {@code speedup-per-result} or {@code latency}
 * @param id unique in the page; the {@code <svg>} element's id and the prefix of its inner ids
 * @param svg the {@code <svg>} element
 */
record SvgChart(String kind, String workload, String id, String svg) {}
