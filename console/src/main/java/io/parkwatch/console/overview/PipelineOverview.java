package io.parkwatch.console.overview;

/** Reads what has landed; backed by the time-series database. */
public interface PipelineOverview {

    Overview current();
}
