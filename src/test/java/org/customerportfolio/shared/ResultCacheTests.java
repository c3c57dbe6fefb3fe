package org.customerportfolio.shared;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ResultCacheTests {

	private final AtomicLong changed = new AtomicLong();

	private final DataChanges changes = new DataChanges(null, null) {

		@Override
		public Version current() {
			return new Version(ResultCacheTests.this.changed.get(), ResultCacheTests.this.changed.get());
		}

	};

	private final ResultCache cache = new ResultCache(this.changes, 1000);

	private final ExecutorService requests = Executors.newFixedThreadPool(8);

	@AfterEach
	void stop() {
		this.requests.shutdownNow();
	}

	@Test
	void keepsAResultUntilTheDataChanges() {
		AtomicInteger computed = new AtomicInteger();
		assertThat(this.cache.get("q", (v) -> 1, computed::incrementAndGet)).isEqualTo(1);
		assertThat(this.cache.get("q", (v) -> 1, computed::incrementAndGet)).isEqualTo(1);
		this.changed.incrementAndGet();
		assertThat(this.cache.get("q", (v) -> 1, computed::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void requestsAskingTheSameQuestionMeanwhileWaitForOneComputation() throws Exception {
		AtomicInteger computed = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<Integer> first = this.requests.submit(() -> this.cache.get("q", (v) -> 1, () -> {
			started.countDown();
			await(release);
			return computed.incrementAndGet();
		}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		List<Future<Integer>> others = IntStream.range(0, 7)
			.mapToObj((i) -> this.requests.submit(() -> this.cache.get("q", (v) -> 1, computed::incrementAndGet)))
			.toList();
		Thread.sleep(200);
		assertThat(others).noneMatch(Future::isDone);
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		for (Future<Integer> other : others) {
			assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		}
		assertThat(computed).hasValue(1);
	}

	@Test
	void aFailedComputationFailsItsWaitersAndIsNotKept() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<Object> first = this.requests.submit(() -> this.cache.get("q", (v) -> 1, () -> {
			started.countDown();
			await(release);
			throw new IllegalStateException("database gone");
		}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		Future<Object> waiting = this.requests.submit(() -> this.cache.get("q", (v) -> 1, () -> "computed again"));
		Thread.sleep(200);
		release.countDown();
		for (Future<Object> request : List.of(first, waiting)) {
			assertThatIllegalStateException().isThrownBy(() -> {
				try {
					request.get(10, TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw ex.getCause();
				}
			}).withMessage("database gone");
		}
		assertThat(this.cache.<Object>get("q", (v) -> 1, () -> "computed again")).isEqualTo("computed again");
	}

	@Test
	void aResultComputedOnDataThatChangedMeanwhileIsNotKept() {
		AtomicInteger computed = new AtomicInteger();
		this.cache.get("q", (v) -> 1, () -> {
			this.changed.incrementAndGet();
			return computed.incrementAndGet();
		});
		assertThat(this.cache.get("q", (v) -> 1, computed::incrementAndGet)).isEqualTo(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
