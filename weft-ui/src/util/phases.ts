export const WORKFLOW_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Error'] as const;

export function isCompleted(phase?: string): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error';
}

/** The CSS colour variable of a phase. */
export function phaseColor(phase?: string): string {
  switch (phase) {
    case 'Succeeded':
      return 'var(--phase-succeeded)';
    case 'Failed':
      return 'var(--phase-failed)';
    case 'Error':
      return 'var(--phase-error)';
    case 'Running':
      return 'var(--phase-running)';
    case 'Skipped':
      return 'var(--phase-skipped)';
    case 'Omitted':
      return 'var(--phase-omitted)';
    default:
      return 'var(--phase-pending)';
  }
}
