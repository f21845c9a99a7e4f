{{/* The prefix of every object's name: the release name, with "weft" added unless it is there. */}}
{{- define "weft.fullname" -}}
{{- if contains "weft" .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-weft" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "weft.labels" -}}
app.kubernetes.io/name: weft
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component; call with (list . "controller"). */}}
{{- define "weft.selector" -}}
app.kubernetes.io/name: weft
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "weft.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Where workflows run and the controller works: every namespace, or just this one. */}}
{{- define "weft.workNamespace" -}}
{{- default .Release.Namespace .Values.managedNamespace -}}
{{- end -}}

{{/* Role in a namespace install, ClusterRole in a cluster install. */}}
{{- define "weft.roleKind" -}}
{{- ternary "Role" "ClusterRole" .Values.singleNamespace -}}
{{- end -}}

{{- define "weft.configmapName" -}}
{{- printf "%s-controller-configmap" (include "weft.fullname" .) -}}
{{- end -}}

{{/* Pod Security "restricted", for the pod and for each container. */}}
{{- define "weft.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 8737
runAsGroup: 8737
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "weft.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}
