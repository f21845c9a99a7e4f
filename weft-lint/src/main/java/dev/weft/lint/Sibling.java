package dev.weft.lint;

import dev.weft.model.spec.Template;
import java.util.Optional;
import java.util.Set;

/**
 * A step or DAG task that tags in the same template may refer to.
 *
 * @param group the index of a step's parallel group; 0 for a task
 * @param target the template it runs, when known before running
 * @param ancestors for a task, every task it depends on directly or not
 */
record Sibling(String name, int group, Optional<Template> target, Set<String> ancestors) {}
