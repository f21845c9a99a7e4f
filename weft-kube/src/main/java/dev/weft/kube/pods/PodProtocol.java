package dev.weft.kube.pods;

/** The names and paths shared by the controller, the launcher and the wait container. */
public final class PodProtocol {
  private PodProtocol() {}

  /** The emptyDir every container of a wrapped pod shares. */
  public static final String VAR_VOLUME = "weft-var";

  public static final String VAR = "/var/run/weft";
  public static final String LAUNCHER = VAR + "/bin/launch";

  /** The static launcher, on the executor image's PATH (/usr/local/bin). */
  public static final String LAUNCHER_IN_IMAGE = "weft-launch";

  /**
   * A script template's source, written by the init container into the shared volume (Argo stages
   * it in its own volume at /argo/staging; the path is passed to the command either way).
   */
  public static final String SCRIPT = VAR + "/staging/script";

  /** Input artifacts fetched by the init-artifacts container, one directory each. */
  public static final String INPUTS_VOLUME = "weft-inputs";

  public static final String INPUTS = VAR + "-inputs";

  public static final String LEAN_ANNOTATION = "weft.dev/lean";
  public static final String NODE_NAME_ANNOTATION = "workflows.argoproj.io/node-name";
  public static final String NODE_ID_ANNOTATION = "workflows.argoproj.io/node-id";
  public static final String RESULT_COMPLETED_LABEL =
      "workflows.argoproj.io/report-outputs-completed";

  /** Environment of the wait container. */
  public static final String ENV_OUTPUTS = "WEFT_OUTPUTS";

  public static final String ENV_NODE_ID = "WEFT_NODE_ID";
  public static final String ENV_WORKFLOW_UID = "WEFT_WORKFLOW_UID";
  public static final String ENV_INSTANCE_ID = "WEFT_INSTANCE_ID";
  public static final String ENV_INPUTS = "WEFT_INPUT_ARTIFACTS";
  public static final String ENV_REPOSITORY = "WEFT_ARTIFACT_REPOSITORY";
  public static final String ENV_NAMESPACE = "WEFT_NAMESPACE";
  public static final String ENV_POD_NAME = "ARGO_POD_NAME";
  public static final String ENV_WORKFLOW_NAME = "ARGO_WORKFLOW_NAME";
}
