package dev.upgradescope.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every finding kind declared anywhere has a message in English, Spanish and Traditional Chinese,
 * codes are unique, and the three languages of each family list exactly the same codes.
 */
class FindingCatalogTest {

    static final List<Locale> LOCALES = List.of(Locale.ROOT, Locale.forLanguageTag("es"),
            Locale.forLanguageTag("zh-TW"));

    static List<FindingKind> allKinds() throws ClassNotFoundException {
        List<FindingKind> kinds = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.upgradescope")) {
            if (c.isEnum() && c.isAssignableTo(FindingKind.class)) {
                for (Object constant : Class.forName(c.getName()).getEnumConstants()) {
                    kinds.add((FindingKind) constant);
                }
            }
        }
        return kinds;
    }

    @Test
    void everyKindHasTextInEveryLanguage() throws Exception {
        Set<String> codes = new HashSet<>();
        for (FindingKind kind : allKinds()) {
            assertThat(codes.add(kind.code())).as("duplicate code %s", kind.code()).isTrue();
            assertThat(kind.code()).matches("[a-z0-9]+(\\.[a-z0-9-]+)+");
            for (Locale locale : LOCALES) {
                ResourceBundle bundle = FindingText.bundle(FindingText.family(kind.code()), locale);
                assertThat(bundle.keySet()).as("%s in %s", kind.code(), locale).contains(kind.code());
                new MessageFormat(bundle.getString(kind.code()), locale); // a broken pattern throws
            }
        }
    }

    @Test
    void languagesOfAFamilyHaveTheSameCodes() throws Exception {
        Set<String> families = new HashSet<>();
        for (FindingKind kind : allKinds()) {
            families.add(FindingText.family(kind.code()));
        }
        for (String family : families) {
            Set<String> english = FindingText.bundle(family, Locale.ROOT).keySet();
            for (Locale locale : LOCALES) {
                ResourceBundle bundle = FindingText.bundle(family, locale);
                assertThat(new HashSet<>(java.util.Collections.list(bundle.getKeys())))
                        .as("family %s in %s", family, locale).isEqualTo(english);
            }
        }
    }
}
