package dev.upgradescope.capture.archfixture;

import javafx.beans.property.SimpleLongProperty;

/** Breaks a line on purpose (see ArchitectureRulesTest): JavaFX below the window. */
final class StoreWithJavaFx {

    final SimpleLongProperty rows = new SimpleLongProperty();
}
