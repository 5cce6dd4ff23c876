package org.hearth;

import org.hearth.housing.RoundVerifier;
import org.hearth.transparency.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@Modulithic(sharedModules = "shared", systemName = "Hearth")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class HearthApplication {

	/**
	 * {@code verify …} and {@code new-log-key …} (docs/transparency.md) and {@code verify-round …} (docs/housing.md)
	 * run instead of the application.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && Commands.NAMES.contains(args[0])) {
			System.exit(Commands.run(args, System.out, System.err));
		}
		if (args.length > 0 && args[0].equals(RoundVerifier.NAME)) {
			System.exit(RoundVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(HearthApplication.class, args);
	}
}
