package dev.upgradescope.ui.archfixture;

import org.fxmisc.richtext.StyleClassedTextArea;

/** Breaks a line on purpose (see ArchitectureRulesTest): RichTextFX outside the raw view. */
final class StyledOutsideTheRawView {

    StyleClassedTextArea area() {
        return new StyleClassedTextArea();
    }
}
