import type { ResourceKind } from '../../api/types';

/** What the create panel starts with, per kind. */
export const examples: Record<ResourceKind, string> = {
  'workflow-templates': `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: my-template
  namespace: default
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: message
        value: hello
  templates:
    - name: main
      inputs:
        parameters:
          - name: message
      container:
        image: alpine
        command: [echo, "{{inputs.parameters.message}}"]
`,
  'cluster-workflow-templates': `apiVersion: argoproj.io/v1alpha1
kind: ClusterWorkflowTemplate
metadata:
  name: my-cluster-template
spec:
  entrypoint: main
  templates:
    - name: main
      container:
        image: alpine
        command: [echo, hello]
`,
  'cron-workflows': `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: my-cron
  namespace: default
spec:
  schedule: "*/5 * * * *"
  timezone: UTC
  workflowSpec:
    entrypoint: main
    templates:
      - name: main
        container:
          image: alpine
          command: [echo, hello]
`,
};
