package dev.weft.bench;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** Flowable's no-op service task. */
public final class NoopDelegate implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {}
}
