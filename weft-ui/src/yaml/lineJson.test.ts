import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { lineAlignedBody, parseFindings, YamlSyntaxError } from './lineJson';

const text = `# a comment
kind: Workflow
metadata:
  generateName: x-
spec:
  templates:
    - name: main
      container: {image: alpine, command: [echo, "hi"]}
  n: 3
`;

describe('lineAlignedBody', () => {
  it('is the same object as the YAML, under the field', () => {
    expect(JSON.parse(lineAlignedBody(yaml, text, 'workflow'))).toEqual({ workflow: yaml.parse(text) });
  });

  it('puts every key on its YAML line', () => {
    const lines = lineAlignedBody(yaml, text, 'workflow').split('\n');
    expect(lines[1]).toContain('"kind"');
    expect(lines[3]).toContain('"generateName"');
    expect(lines[6]).toContain('"name":"main"');
    expect(lines[7]).toContain('"image":"alpine"');
    expect(lines[8]).toContain('"n":3');
  });

  it('reports a syntax error at its line', () => {
    try {
      lineAlignedBody(yaml, 'a: 1\nb: [\n', 'workflow');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(YamlSyntaxError);
      expect((e as YamlSyntaxError).line).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('parseFindings', () => {
  it('reads the server findings with their line and column', () => {
    expect(parseFindings('body:7:9: error: spec.templates[0].container.image: required\nsomething else')).toEqual([
      { line: 7, column: 9, severity: 'error', message: 'spec.templates[0].container.image: required' },
      { line: 0, column: 0, severity: 'error', message: 'something else' },
    ]);
  });
});
