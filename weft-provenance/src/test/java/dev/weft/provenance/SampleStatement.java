package dev.weft.provenance;

import java.nio.charset.StandardCharsets;

/**
 * A statement shaped as Weft's (brief §5): two output artifacts as subjects, a WorkflowTemplate as
 * a resolved dependency, a log as a byproduct; with non-ASCII text, so a verifier that counts
 * characters instead of bytes fails on it.
 */
final class SampleStatement {
  static final String ARTIFACT_A = "default/hello-7x2k/hello-7x2k.produce/report.txt";
  static final String ARTIFACT_B = "default/hello-7x2k/hello-7x2k.package/bundle.tgz";
  static final String TEMPLATE = "weft:workflowtemplates/default/greet";

  private SampleStatement() {}

  static byte[] json(String shaA, String shaB, String templateSha) {
    return ("""
        {"_type":"https://in-toto.io/Statement/v1",
         "subject":[{"name":"%s","digest":{"sha256":"%s"}},
                    {"name":"%s","digest":{"sha256":"%s"}}],
         "predicateType":"https://slsa.dev/provenance/v1",
         "predicate":{
          "buildDefinition":{
           "buildType":"https://weft.dev/provenance/workflow/v1",
           "externalParameters":{
            "workflow":{"namespace":"default","name":"hello-7x2k","entrypoint":"main",
                        "arguments":{"parameters":[{"name":"greeting","value":"Grüße, 世界"}]},
                        "workflowTemplateRef":{"name":"greet"}},
            "trigger":"submit",
            "specSha256":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"},
           "internalParameters":{"weftVersion":"0.1.0","executor":"bwrap","store":"sqlite"},
           "resolvedDependencies":[
            {"uri":"%s","digest":{"sha256":"%s"},
             "annotations":{"uid":"5d0f6c1e-2f0a-4b7e-9f57-0d6c3f1a2b3c","resourceVersion":"41"}},
            {"uri":"file:///usr/bin/python3","digest":{"sha256":"%s"}}]},
          "runDetails":{
           "builder":{"id":"https://weft.dev/builder/server/sandboxed/v1","version":{"weft":"0.1.0"}},
           "metadata":{"invocationId":"0b5e8f2c-8d3e-4c1a-a2b9-7f3e6d5c4b3a",
                       "startedOn":"2026-12-06T17:00:00Z","finishedOn":"2026-12-06T17:00:09Z"},
           "byproducts":[{"name":"nodes/hello-7x2k-1234/log",
                          "digest":{"sha256":"%s"}}]}}}
        """)
        .formatted(
            ARTIFACT_A,
            shaA,
            ARTIFACT_B,
            shaB,
            TEMPLATE,
            templateSha,
            "ab".repeat(32),
            "cd".repeat(32))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The sample, signed by {@code key}. */
  static Envelope signed(SigningKey key) {
    return Dsse.sign(key, Dsse.IN_TOTO, json("aa".repeat(32), "bb".repeat(32), "cc".repeat(32)));
  }
}
