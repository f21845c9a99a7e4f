package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagTest {
  @Test
  void scanFindsSimpleAndExpressionTagsWithOffsets() {
    List<Tag> tags = Tag.scan("a {{ x.y }} b {{=1 + 2}}");
    assertThat(tags)
        .extracting(Tag::start, Tag::isExpression)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, false),
            org.assertj.core.groups.Tuple.tuple(14, true));
    assertThat(tags.get(0).name()).isEqualTo("x.y");
    assertThat(tags.get(0).nameStart()).isEqualTo(5);
    assertThat(tags.get(1).expression()).isEqualTo("1 + 2");
  }

  @Test
  void anUnclosedTagEndsTheScan() {
    assertThat(Tag.scan("{{a}} {{b")).hasSize(1);
  }
}
