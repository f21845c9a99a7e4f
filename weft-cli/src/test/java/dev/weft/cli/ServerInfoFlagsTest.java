package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.ServerInfo;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `weft server`'s flags for what the UI is told at /api/v1/info. */
class ServerInfoFlagsTest {
  private static ServerCommand parsed(String... args) {
    ServerCommand command =
        new ServerCommand(
            new PrintStream(PrintStream.nullOutputStream()),
            new PrintStream(PrintStream.nullOutputStream()),
            Interrupts.none());
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void linksColumnsColourAndModalsReachTheServersInfo() {
    ServerInfo info =
        parsed(
                "--link", "Logs,workflow,https://logs.example/?q=${metadata.name},x",
                "--link", "Chat,chat,http://chat.example",
                "--column", "Team,label,team",
                "--nav-color", "#0f6fbd",
                "--modal", "newVersion")
            .config(Path.of("/tmp"), "team-a")
            .info();

    assertThat(info.managedNamespace()).isEqualTo("team-a");
    assertThat(info.links())
        .containsExactly(
            new ServerInfo.Link("Logs", "workflow", "https://logs.example/?q=${metadata.name},x"),
            new ServerInfo.Link("Chat", "chat", "http://chat.example"));
    assertThat(info.columns()).containsExactly(new ServerInfo.Column("Team", "label", "team"));
    assertThat(info.navColor()).isEqualTo("#0f6fbd");
    assertThat(info.modals()).containsExactly("newVersion");
  }

  @Test
  void theHelpShowsTheReferencesALinkMayUse() {
    String help = new CommandLine(parsed()).getUsageMessage(CommandLine.Help.Ansi.OFF);

    assertThat(help).contains("--link=NAME,SCOPE,URL").contains("${metadata.name}");
  }

  @Test
  void aLinkThatIsNotHttpIsRefused() {
    ServerCommand command = parsed("--link", "Bad,workflow,javascript:alert(1)");

    assertThatThrownBy(() -> command.config(Path.of("/tmp"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https");
  }

  @Test
  void aColumnOfAnUnknownTypeIsRefused() {
    ServerCommand command = parsed("--column", "Team,field,team");

    assertThatThrownBy(() -> command.config(Path.of("/tmp"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label or annotation");
  }
}
