package org.customerportfolio.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * A rough look inside one import, from beside it: samples the heap, listens to the
 * garbage collector, and (when asked) samples the importing thread's stack to tell which
 * step of the import the time goes to. Stack samples are taken at safepoints, so they are
 * indicative, not exact; at the default interval they cost about a percent.
 */
final class ImportProfiler implements AutoCloseable {

	private static final String INVOICING = "org.customerportfolio.invoicing.";

	private final Thread target;

	private final long intervalMillis;

	private final boolean stacks;

	private final Thread sampler;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final Set<String> heapPools;

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final NotificationListener gcListener = this::afterGc;

	private final Map<String, Long> phases = new LinkedHashMap<>();

	private final Map<String, Long> selfFrames = new HashMap<>();

	private final Map<String, Long> appFrames = new HashMap<>();

	private final Map<String, Map<String, Long>> phaseFrames = new HashMap<>();

	private final long gcCountBefore;

	private final long gcMillisBefore;

	private volatile boolean running = true;

	private volatile long maxHeapUsed;

	private volatile long maxHeapAfterGc;

	private long samples;

	private long sampledNanos;

	ImportProfiler(Thread target, long intervalMillis, boolean stacks) {
		this.target = target;
		this.intervalMillis = intervalMillis;
		this.stacks = stacks;
		this.heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long count = 0;
		long millis = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, gc.getCollectionCount());
			millis += Math.max(0, gc.getCollectionTime());
			if (gc instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.gcListener, null, null);
				this.emitters.add(emitter);
			}
		}
		this.gcCountBefore = count;
		this.gcMillisBefore = millis;
		this.sampler = new Thread(this::sample, "bench-profiler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	private void sample() {
		long previous = System.nanoTime();
		while (this.running) {
			long used = this.memory.getHeapMemoryUsage().getUsed();
			if (used > this.maxHeapUsed) {
				this.maxHeapUsed = used;
			}
			if (this.stacks) {
				StackTraceElement[] stack = this.target.getStackTrace();
				long now = System.nanoTime();
				// each sample stands for the time since the one before
				long weight = Math.min(now - previous, 1_000_000_000L);
				previous = now;
				String phase = phase(stack);
				if (phase != null) {
					record(phase, stack, weight);
				}
			}
			try {
				Thread.sleep(this.intervalMillis);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private synchronized void record(String phase, StackTraceElement[] stack, long weight) {
		this.samples++;
		this.sampledNanos += weight;
		this.phases.merge(phase, weight, Long::sum);
		String innermost = frame(stack[0]);
		if (jdk(stack[0].getClassName())) {
			for (StackTraceElement element : stack) {
				if (!jdk(element.getClassName())) {
					innermost += " <- " + frame(element);
					break;
				}
			}
		}
		this.selfFrames.merge(innermost, weight, Long::sum);
		this.phaseFrames.computeIfAbsent(phase, (key) -> new HashMap<>()).merge(innermost, weight, Long::sum);
		for (StackTraceElement element : stack) {
			if (element.getClassName().startsWith("org.customerportfolio.")) {
				this.appFrames.merge(frame(element), weight, Long::sum);
				break;
			}
		}
	}

	private void afterGc(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long used = 0;
		for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
			if (this.heapPools.contains(pool.getKey())) {
				used += pool.getValue().getUsed();
			}
		}
		if (used > this.maxHeapAfterGc) {
			this.maxHeapAfterGc = used;
		}
	}

	/**
	 * Which step of {@code InvoiceImport#commit} a stack is in; null when it is not in an
	 * import.
	 */
	static String phase(StackTraceElement[] stack) {
		if (!in(stack, "InvoiceImport", "commit")) {
			return null;
		}
		if (in(stack, "InvoiceImport", "save")) {
			if (in(stack, "CustomerManagement", "registerFromImport")) {
				return "write.create_customers";
			}
			if (in(stack, "InvoiceLineStore", "deleteInvoices")) {
				return "write.delete_earlier_lines";
			}
			if (in(stack, "InvoiceLineStore", "refreshTotals")) {
				return "write.refresh_months";
			}
			if (in(stack, "FigureSummaries", null) || in(stack, "Standings", null)) {
				return "write.figures_and_standings(after the lines)";
			}
			if (in(stack, "InvoiceLineStore", null)) {
				return "write.lines_to_database(copy or batches, waiting for the database)";
			}
			if (in(stack, "InvoiceImport", "progress")) {
				return "write.progress_updates";
			}
			if (in(stack, "InvoiceImport", "prepare")) {
				return "write.reopen_file(charset scan, customer keys)";
			}
			if (in(stack, "InvoiceFileReading", "line")) {
				return "write.parse_rows";
			}
			if (in(stack, "ServiceCategories", null)) {
				return "write.create_categories";
			}
			return "write.read_csv(fastcsv, row objects)";
		}
		if (in(stack, "InvoiceImport", "evidence")) {
			return "validation.detect_date_and_decimal(evidence pass)";
		}
		if (in(stack, "InvoiceImport", "prepare")) {
			return "validation.open_file(charset scan, separator, customer keys)";
		}
		if (in(stack, "InvoiceImport", "startRecord") || in(stack, "InvoiceImport", "progress")) {
			return "bookkeeping(invoice_import row)";
		}
		if (in(stack, "InvoiceFileReading", "line")) {
			return "validation.parse_rows";
		}
		if (in(stack, "InvoiceFileReading", "read") || in(stack, "TabularFile", null)) {
			return "validation.read_csv(fastcsv, row objects)";
		}
		if (in(stack, "InvoiceFileReading", "preview")) {
			return "validation.preview";
		}
		return "write.commit_and_finish";
	}

	/**
	 * Whether the stack passes through a method of an invoicing (or customer) class;
	 * lambdas inside the method count.
	 */
	private static boolean in(StackTraceElement[] stack, String simpleClass, String method) {
		for (StackTraceElement element : stack) {
			String className = element.getClassName();
			if (!className.startsWith("org.customerportfolio.")) {
				continue;
			}
			int dot = className.lastIndexOf('.');
			String simple = className.substring(dot + 1);
			int dollar = simple.indexOf('$');
			if (dollar >= 0) {
				simple = simple.substring(0, dollar);
			}
			if (!simple.equals(simpleClass)) {
				continue;
			}
			String name = element.getMethodName();
			if (method == null || name.equals(method) || name.startsWith("lambda$" + method + "$")) {
				return true;
			}
		}
		return false;
	}

	private static boolean jdk(String className) {
		return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
				|| className.startsWith("com.sun.");
	}

	private static String frame(StackTraceElement element) {
		String className = element.getClassName();
		if (className.startsWith(INVOICING)) {
			className = className.substring(INVOICING.length());
		}
		return className + "." + element.getMethodName();
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
		try {
			this.sampler.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this.gcListener);
			}
			catch (ListenerNotFoundException ex) {
				// gone already
			}
		}
	}

	long maxHeapUsed() {
		return Math.max(this.maxHeapUsed, this.memory.getHeapMemoryUsage().getUsed());
	}

	long maxHeapAfterGc() {
		return this.maxHeapAfterGc;
	}

	/** The peaks of the heap pools added up (they need not peak at the same moment). */
	long poolPeaks() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

	long gcCount() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong((gc) -> Math.max(0, gc.getCollectionCount()))
			.sum() - this.gcCountBefore;
	}

	long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong((gc) -> Math.max(0, gc.getCollectionTime()))
			.sum() - this.gcMillisBefore;
	}

	synchronized long samples() {
		return this.samples;
	}

	/** The time the samples stand for, close to the import's duration. */
	synchronized long sampledNanos() {
		return this.sampledNanos;
	}

	/** Sampled nanoseconds per step, most first. */
	synchronized List<Map.Entry<String, Long>> phases() {
		return top(this.phases, Integer.MAX_VALUE);
	}

	/**
	 * Within one step: the innermost frames and the innermost frames outside the JDK,
	 * most frequent first.
	 */
	synchronized List<Map.Entry<String, Long>> phaseFrames(String phase, int limit) {
		return top(this.phaseFrames.getOrDefault(phase, Map.of()), limit);
	}

	/** Where the importing thread was, innermost frame, most frequent first. */
	synchronized List<Map.Entry<String, Long>> selfFrames(int limit) {
		return top(this.selfFrames, limit);
	}

	/** The innermost application method on the stack, most frequent first. */
	synchronized List<Map.Entry<String, Long>> appFrames(int limit) {
		return top(this.appFrames, limit);
	}

	private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(limit)
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue()))
			.toList();
	}

}
