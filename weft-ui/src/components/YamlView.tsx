import { useEffect, useState } from 'preact/hooks';
import { toYaml } from '../util/yaml';
import { ErrorBox, Loading } from './Status';

/** An object shown as YAML (the serializer is loaded on first use). */
export function YamlView({ value }: { value: unknown }) {
  const [text, setText] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    toYaml(value).then((t) => live && setText(t), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [value]);
  if (error) return <ErrorBox error={error} />;
  if (text === undefined) return <Loading what="YAML" />;
  return (
    <pre class="yaml" data-testid="yaml">
      {text}
    </pre>
  );
}
