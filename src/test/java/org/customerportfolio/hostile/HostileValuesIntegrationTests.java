package org.customerportfolio.hostile;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpSession;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.plan.PlanManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile form and API values at every endpoint the application maps, found in its
 * handler mappings so that a new endpoint is attacked without a line here: every request
 * parameter, form field and JSON property of an endpoint gets the same hostile value
 * (script tags, SQL, path traversal, 100,000 characters, text where a number, date or id
 * belongs, unknown enum values, huge and negative numbers; in JSON also arrays and
 * objects where a value belongs), and every path id gets hostile ids. Each must end in a
 * 4xx, a form with its errors or a redirect, never a 500 or a stack trace; a refused
 * request saves nothing; the application answers the next request. Requests are made as
 * an administrator, so that no rule refuses them before they reach the code.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileValuesIntegrationTests {

	/** Form and query values: the same for every field of an endpoint at once. */
	static final Map<String, String> FORM_VALUES = formValues();

	/** JSON values for every property of a request body. */
	static final Map<String, String> JSON_VALUES = jsonValues();

	/** Whole request bodies that are not the object the endpoint expects. */
	static final Map<String, String> JSON_BODIES = jsonBodies();

	/** Ids a path may carry instead of a real one. */
	static final List<String> HOSTILE_IDS = List.of("-1", "9223372036854775808", "1;DROP TABLE customer");

	/**
	 * The values a GET endpoint (which saves nothing) gets: fewer, to keep the run short.
	 */
	static final Set<String> QUERY_RULES = Set.of("script tag", "100k characters", "text for a number", "unknown enum",
			"control characters");

	/** Parameters many list and analysis pages read from a map, not one by one. */
	private static final List<String> COMMON_PARAMETERS = List.of("page", "size", "sort", "q", "year", "columns",
			"group", "f.name", "f.tags", "f.status", "filter", "from", "to", "top", "k", "axis", "returnTo");

	/** Endpoints that are not the application's own code. */
	private static final Set<String> SKIPPED = Set.of("/error", "/actuator", "/actuator/health", "/actuator/health/**",
			"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private PlanManagement plans;

	@Autowired
	private CriteriaManagement criteria;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private JdbcClient jdbc;

	private UserDetails admin;

	private String bearer;

	private Map<String, String> ids;

	private int cases;

	@BeforeAll
	void fixture() {
		UserSummary admin = TestUsers.create(this.accounts, Role.ADMIN);
		this.admin = this.userDetails.loadUserByUsername(admin.username());
		this.bearer = "Bearer " + this.accounts.issueToken(admin.id(), "hostile values").secret();
		long spareToken = this.accounts.issueToken(admin.id(), "hostile spare").id();
		UserSummary victim = TestUsers.create(this.accounts, Role.VIEWER);
		HostileFixture fixture = HostileFixture.create(this.customers, this.plans, this.criteria,
				"V" + System.nanoTime() % 100000);
		this.ids = new LinkedHashMap<>();
		this.ids.put("customerId", String.valueOf(fixture.customerId()));
		this.ids.put("contactId", String.valueOf(fixture.contactId()));
		this.ids.put("memberId", String.valueOf(fixture.memberId()));
		this.ids.put("goalId", String.valueOf(fixture.goalId()));
		this.ids.put("actionId", String.valueOf(fixture.actionId()));
		this.ids.put("criteria", String.valueOf(fixture.criterionId()));
		this.ids.put("users", String.valueOf(victim.id()));
		this.ids.put("tokens", String.valueOf(spareToken));
		this.ids.put("business-types", this.jdbc.sql("select min(id) from business_type").query(String.class).single());
		this.ids.put("service-categories",
				this.jdbc.sql("select min(id) from service_category").query(String.class).single());
		this.ids.put("kind", "DECLINING_REVENUE");
		this.ids.put("token", "0000000000000000");
	}

	@TestFactory
	Stream<DynamicNode> hostileValuesInEveryField() {
		List<DynamicNode> endpoints = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			List<DynamicTest> tests = new ArrayList<>();
			if (endpoint.body() != null) {
				JSON_VALUES.forEach((rule, value) -> tests
					.add(test(endpoint, rule, () -> jsonRequest(endpoint, json(endpoint.body(), value)))));
				JSON_BODIES.forEach((rule, body) -> tests.add(test(endpoint, rule, () -> jsonRequest(endpoint, body))));
			}
			else if (!endpoint.fields().isEmpty()) {
				FORM_VALUES.entrySet()
					.stream()
					.filter((entry) -> endpoint.method() != HttpMethod.GET || QUERY_RULES.contains(entry.getKey()))
					.forEach((entry) -> addFormCase(tests, endpoint, entry.getKey(), entry.getValue()));
			}
			if (!tests.isEmpty()) {
				endpoints.add(DynamicContainer.dynamicContainer(endpoint.toString(), tests));
			}
		}
		return endpoints.stream();
	}

	private void addFormCase(List<DynamicTest> tests, Endpoint endpoint, String rule, String value) {
		tests.add(test(endpoint, rule, () -> {
			MockHttpServletRequestBuilder request = baseRequest(endpoint, path(endpoint, null));
			endpoint.fields().forEach((field) -> request.param(field, value));
			return request;
		}));
	}

	@TestFactory
	Stream<DynamicNode> hostileIdsInEveryPath() {
		List<DynamicNode> endpoints = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			if (!endpoint.pattern().contains("{")) {
				continue;
			}
			List<DynamicTest> tests = new ArrayList<>();
			for (String id : HOSTILE_IDS) {
				tests.add(test(endpoint, "id " + id, () -> {
					MockHttpServletRequestBuilder request = baseRequest(endpoint, path(endpoint, id));
					if (endpoint.body() != null) {
						request.contentType(MediaType.APPLICATION_JSON).content(json(endpoint.body(), "\"x\""));
					}
					return request;
				}));
			}
			endpoints.add(DynamicContainer.dynamicContainer(endpoint.toString(), tests));
		}
		return endpoints.stream();
	}

	private DynamicTest test(Endpoint endpoint, String rule, RequestSupplier supplier) {
		this.cases++;
		return DynamicTest.dynamicTest(rule, () -> {
			String description = endpoint + " with " + rule;
			boolean changes = endpoint.method() != HttpMethod.GET;
			Map<String, Long> before = changes ? HostileSupport.rowCounts(this.jdbc) : Map.of();
			MvcResult result = HostileSupport.perform(this.mvc, supplier.get(), description);
			HostileSupport.assertHandled(result, description);
			int status = result.getResponse().getStatus();
			boolean refused = status >= 400 || (status == 200 && changes);
			if (changes && refused) {
				assertThat(HostileSupport.rowCounts(this.jdbc)).as("%s: nothing saved (status %d)", description, status)
					.isEqualTo(before);
			}
			HostileSupport.assertStillAnswers(this.mvc, this.bearer);
		});
	}

	private MockHttpServletRequestBuilder jsonRequest(Endpoint endpoint, String body) {
		return baseRequest(endpoint, path(endpoint, null)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private MockHttpServletRequestBuilder baseRequest(Endpoint endpoint, String path) {
		MockHttpServletRequestBuilder request = request(endpoint.method(), path);
		if (path.startsWith("/api/")) {
			return request.header("Authorization", this.bearer);
		}
		return request.with(csrf()).with(user(this.admin));
	}

	/**
	 * The path with real ids of the fixture, or every variable replaced by {@code id}.
	 */
	private String path(Endpoint endpoint, String id) {
		String pattern = endpoint.pattern();
		StringBuilder path = new StringBuilder();
		String[] segments = pattern.split("/");
		for (int i = 1; i < segments.length; i++) {
			String segment = segments[i];
			path.append('/');
			if (!segment.startsWith("{")) {
				path.append(segment);
				continue;
			}
			if (id != null) {
				path.append(id);
				continue;
			}
			String name = segment.substring(1, segment.length() - 1);
			String value = this.ids.get(name);
			if (value == null) {
				// {id}: named by the collection before it
				value = this.ids.getOrDefault(segments[i - 1], this.ids.get("customerId"));
			}
			path.append(value);
		}
		return path.toString();
	}

	/** A JSON object with every property of the record or class set to {@code value}. */
	private static String json(Class<?> type, String value) {
		return properties(type).stream()
			.map((property) -> "\"" + property + "\":" + value)
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static List<String> properties(Class<?> type) {
		List<String> properties = new ArrayList<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				properties.add(component.getName());
			}
			return properties;
		}
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					properties.add(field.getName());
				}
			}
		}
		return properties;
	}

	/** Every endpoint of the application with the fields it reads. */
	private List<Endpoint> endpoints() {
		Map<String, Endpoint> endpoints = new TreeMap<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().forEach((info, method) -> {
				for (String pattern : info.getPatternValues()) {
					if (SKIPPED.contains(pattern)
							|| !method.getBeanType().getPackageName().startsWith("org.customerportfolio")) {
						continue;
					}
					for (HttpMethod httpMethod : methods(info)) {
						Endpoint endpoint = endpoint(httpMethod, pattern, method);
						endpoints.putIfAbsent(endpoint.toString(), endpoint);
					}
				}
			});
		}
		return new ArrayList<>(endpoints.values());
	}

	private static List<HttpMethod> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		if (methods.isEmpty()) {
			return List.of(HttpMethod.GET);
		}
		return methods.stream().map((method) -> HttpMethod.valueOf(method.name())).toList();
	}

	private static Endpoint endpoint(HttpMethod httpMethod, String pattern, HandlerMethod method) {
		Set<String> fields = new LinkedHashSet<>();
		Class<?> body = null;
		for (MethodParameter parameter : method.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(PathVariable.class)
					|| parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
					|| parameter.hasParameterAnnotation(RequestHeader.class) || infrastructure(type)) {
				continue;
			}
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				body = type;
				continue;
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (Map.class.isAssignableFrom(type)) {
				fields.addAll(COMMON_PARAMETERS);
			}
			else if (type == MultipartFile.class) {
				continue;
			}
			else if (param != null || simple(type)) {
				String name = (param != null && !param.name().isEmpty()) ? param.name()
						: (param != null && !param.value().isEmpty()) ? param.value() : parameter.getParameterName();
				if (name != null) {
					fields.add(name);
				}
			}
			else {
				fields.addAll(properties(type));
			}
		}
		return new Endpoint(httpMethod, pattern, List.copyOf(fields), body);
	}

	private static boolean infrastructure(Class<?> type) {
		return Model.class.isAssignableFrom(type) || RedirectAttributes.class.isAssignableFrom(type)
				|| Errors.class.isAssignableFrom(type) || ServletRequest.class.isAssignableFrom(type)
				|| ServletResponse.class.isAssignableFrom(type) || HttpSession.class.isAssignableFrom(type)
				|| java.security.Principal.class.isAssignableFrom(type) || java.util.Locale.class == type
				|| org.springframework.web.context.request.WebRequest.class.isAssignableFrom(type)
				|| org.springframework.web.util.UriComponentsBuilder.class.isAssignableFrom(type)
				|| java.io.OutputStream.class.isAssignableFrom(type) || java.io.Writer.class.isAssignableFrom(type);
	}

	private static boolean simple(Class<?> type) {
		return type.isPrimitive() || type.isEnum() || CharSequence.class.isAssignableFrom(type)
				|| Number.class.isAssignableFrom(type) || Boolean.class == type || Temporal.class.isAssignableFrom(type)
				|| type.isArray() || java.util.Collection.class.isAssignableFrom(type);
	}

	private static Map<String, String> formValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("script tag", HostileFixture.SCRIPT);
		values.put("sql fragment", "'; DROP TABLE customer;--");
		values.put("path traversal", "../../etc/passwd");
		values.put("100k characters", "x".repeat(100_000));
		values.put("formula", HostileFixture.FORMULA);
		values.put("text for a number", "abc");
		values.put("negative number", "-1");
		values.put("huge number", "99999999999999999999999999");
		values.put("number overflow", "1e309");
		values.put("not a number", "NaN");
		values.put("impossible date", "31-02-2025");
		values.put("year 99999", "99999-01-01");
		values.put("unknown enum", "NOT_A_VALUE");
		values.put("empty", "");
		values.put("control characters", "a\u0000b\u0007c\u001b");
		values.put("header injection", "x\r\nSet-Cookie: hostile=1");
		values.put("absolute url", "https://evil.example/");
		return values;
	}

	private static Map<String, String> jsonValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("json script tag", "\"<script>alert(1)</script>\"");
		values.put("json sql fragment", "\"'; DROP TABLE customer;--\"");
		values.put("json path traversal", "\"../../etc/passwd\"");
		values.put("json 100k characters", "\"" + "x".repeat(100_000) + "\"");
		values.put("json array for a value", "[1,2,3]");
		values.put("json object for a value", "{\"a\":{\"b\":1}}");
		values.put("json negative number", "-1");
		values.put("json huge number", "99999999999999999999999999");
		values.put("json number overflow", "1e309");
		values.put("json text for everything", "\"abc\"");
		values.put("json unknown enum", "\"NOT_A_VALUE\"");
		values.put("json impossible date", "\"2025-02-31\"");
		values.put("json boolean", "true");
		values.put("json null", "null");
		values.put("json control characters", "\"a\\u0000b\\u001b\"");
		return values;
	}

	private static Map<String, String> jsonBodies() {
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("body array", "[]");
		bodies.put("body array of objects", "[{}]");
		bodies.put("body string", "\"text\"");
		bodies.put("body number", "42");
		bodies.put("body null", "null");
		bodies.put("body empty", "");
		bodies.put("body broken", "{\"name\":");
		bodies.put("body not json", "<xml/>");
		bodies.put("body nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
		bodies.put("body duplicate keys", "{\"name\":\"a\",\"name\":\"b\"}");
		return bodies;
	}

	/**
	 * An endpoint: method, pattern, the form or query fields it reads and its JSON body
	 * type.
	 */
	record Endpoint(HttpMethod method, String pattern, List<String> fields, Class<?> body) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	@FunctionalInterface
	interface RequestSupplier {

		MockHttpServletRequestBuilder get();

	}

}
