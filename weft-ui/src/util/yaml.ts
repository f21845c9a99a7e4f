// YAML through the `yaml` package (eemeli/yaml: maintained, no dependencies, a real YAML 1.2
// parser with source ranges, which the submit page needs to put lint findings on their lines).
// It is ~30 KB gzipped, so it is loaded only by the pages that show or read YAML.
export type YamlModule = typeof import('yaml');

let loading: Promise<YamlModule> | undefined;

export function loadYaml(): Promise<YamlModule> {
  loading ??= import('yaml');
  return loading;
}

export async function toYaml(value: unknown): Promise<string> {
  const yaml = await loadYaml();
  return yaml.stringify(value, { lineWidth: 0 });
}
