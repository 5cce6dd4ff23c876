package org.hearth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

@Modulithic(sharedModules = "shared", systemName = "Hearth")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class HearthApplication {

	public static void main(String[] args) {
		SpringApplication.run(HearthApplication.class, args);
	}
}
