package dev.upgradescope.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands one session event gives, in order. An end of output (FIN) that a close of the same
 * side later in the same batch follows is left out: the close sends the FIN itself once what was
 * written has gone, so ending the output first would only cost the driver a system call more. A
 * close of the upstream after a {@link SessionCommand.ConnectUpstream} concerns the next upstream
 * and does not count.
 */
final class SessionOutbox {

    private final List<SessionCommand> out = new ArrayList<>();
    private boolean endsOutput;

    void add(SessionCommand c) {
        if (c instanceof SessionCommand.ShutdownClientOutput || c instanceof SessionCommand.ShutdownUpstreamOutput) {
            endsOutput = true;
        }
        out.add(c);
    }

    /** The batch, handed out; the outbox is empty afterwards. */
    List<SessionCommand> drain() {
        List<SessionCommand> commands;
        if (endsOutput) {
            commands = new ArrayList<>(out.size());
            for (int i = 0; i < out.size(); i++) {
                SessionCommand c = out.get(i);
                if (!(c instanceof SessionCommand.ShutdownClientOutput && closedLater(i, false)
                        || c instanceof SessionCommand.ShutdownUpstreamOutput && closedLater(i, true))) {
                    commands.add(c);
                }
            }
            commands = List.copyOf(commands);
            endsOutput = false;
        } else {
            commands = List.copyOf(out);
        }
        out.clear();
        return commands;
    }

    private boolean closedLater(int at, boolean upstreamSide) {
        for (int i = at + 1; i < out.size(); i++) {
            SessionCommand c = out.get(i);
            if (upstreamSide ? c instanceof SessionCommand.CloseUpstream
                    : c instanceof SessionCommand.CloseClient || c instanceof SessionCommand.ResetClient) {
                return true;
            }
            if (upstreamSide && c instanceof SessionCommand.ConnectUpstream) {
                return false;
            }
        }
        return false;
    }
}
