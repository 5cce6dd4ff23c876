package org.hearth.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptsTest {

	@Test
	void transliteratesArmenianAndCyrillicNamesToLatinAndLeavesLatinAlone() {
		assertThat(Scripts.toLatin("Արմեն Պետրոսյան")).isEqualTo("Armen Petrosyan");
		assertThat(Scripts.toLatin("Мамедов")).isEqualTo("Mamedov");
		assertThat(Scripts.toLatin("Məmmədov")).isEqualTo("Məmmədov");
	}

	@Test
	void oneKeyForAPlaceWhateverTheScriptOrRomanisation() {
		assertThat(Scripts.searchKey("Şuşa")).isEqualTo(Scripts.searchKey("Shusha")).isEqualTo(Scripts.searchKey("Шуша"))
				.isEqualTo(Scripts.searchKey("SHUSHA"));
		assertThat(Scripts.searchKey("Xankəndi")).isEqualTo(Scripts.searchKey("Khankendi"))
				.isEqualTo(Scripts.searchKey("Ханкенди"));
		assertThat(Scripts.searchKey("Xocalı")).isEqualTo(Scripts.searchKey("Ходжалы"));
		assertThat(Scripts.searchKey("Zəngilan")).isEqualTo(Scripts.searchKey("Zengilan"));
	}

	@Test
	void oneKeyForANameWhateverTheScriptOrRomanisation() {
		assertThat(Scripts.nameKey("Məmmədov")).isEqualTo(Scripts.nameKey("Mammadov"))
				.isEqualTo(Scripts.nameKey("Мамедов")).isEqualTo(Scripts.nameKey("MAMEDOV"));
		assertThat(Scripts.nameKey("Արմեն")).isEqualTo(Scripts.nameKey("Армен")).isEqualTo(Scripts.nameKey("Armen"));
		assertThat(Scripts.nameKey("Պետրոսյան")).isEqualTo(Scripts.nameKey("Петросян"))
				.isEqualTo(Scripts.nameKey("Petrosyan")).isEqualTo(Scripts.nameKey("Petrosian"));
		assertThat(Scripts.nameKey("Əliyev")).isEqualTo(Scripts.nameKey("Aliyev")).isEqualTo(Scripts.nameKey("Алиев"));
		// Lossy, but not so lossy that different names meet.
		assertThat(Scripts.nameKey("Armen")).isNotEqualTo(Scripts.nameKey("Aram"));
		assertThat(Scripts.nameKey("Mammadov")).isNotEqualTo(Scripts.nameKey("Ahmadov"));
	}
}
