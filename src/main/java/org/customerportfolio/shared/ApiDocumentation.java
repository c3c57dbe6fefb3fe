package org.customerportfolio.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says about the API as a whole: its purpose and how to
 * authenticate.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI portfolioApi() {
		return new OpenAPI()
			.info(new Info().title("Customer Portfolio API")
				.version("v1")
				.description("Customers, their contacts and our team, for integrations such as an accounting "
						+ "system. Authenticate with HTTP Basic or a personal API token (Authorization: Bearer …, "
						+ "created under My account). Changes carry the version they are based on; errors are "
						+ "problem details (RFC 9457) with field errors.")
				.license(new License().name("Open source")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
