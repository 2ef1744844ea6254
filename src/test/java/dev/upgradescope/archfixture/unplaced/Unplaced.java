package dev.upgradescope.archfixture.unplaced;

/** Breaks a line on purpose (see ArchitectureRulesTest): a top-level package given no layer. */
final class Unplaced {
}
