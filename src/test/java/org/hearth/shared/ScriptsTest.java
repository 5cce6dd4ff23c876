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
}
