package dev.weft.executor;

/** Runs pods. {@link #start} never blocks on the pod's processes. */
public interface Executor {
  RunningPod start(PodSpec spec);
}
