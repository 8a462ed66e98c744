package io.parkwatch.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.transport.retry.Backoff;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

class SubscriptionKeeperTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4));

    /** The broker's answers to the next SUBSCRIBEs, in order; an empty queue leaves the request unanswered. */
    private final Deque<CompletableFuture<Void>> answers = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();
    private final Deque<Runnable> due = new ArrayDeque<>();
    private final Counter failures = new SimpleMeterRegistry().counter("failures");
    private int requests;
    private final SubscriptionKeeper keeper = new SubscriptionKeeper("$share/g/parks/#", () -> {
        requests++;
        return answers.isEmpty() ? new CompletableFuture<>() : answers.removeFirst();
    }, (task, delay) -> {
        delays.add(delay);
        due.add(task);
    }, BACKOFF, failures);

    @Test
    void aRefusedSubscriptionIsRetriedWithBackOffUntilGrantedAndIsNotReadyMeanwhile() {
        refuse(135);
        refuse(135);
        refuse(135);
        grant();

        keeper.onConnect();
        assertThat(keeper.isSubscribed()).isFalse();
        assertThat(keeper.verdict().up()).isFalse();
        assertThat(keeper.verdict().detail()).contains("failed 1 times").contains("135");
        runDue();
        runDue();
        assertThat(keeper.isSubscribed()).isFalse();
        runDue();

        assertThat(keeper.isSubscribed()).isTrue();
        assertThat(keeper.verdict().up()).isTrue();
        assertThat(requests).isEqualTo(4);
        assertThat(failures.count()).isEqualTo(3.0);
        assertThat(delays).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void anExceptionFromTheClientIsCountedAndRetriedToo() {
        SubscriptionKeeper throwing = new SubscriptionKeeper("parks/#", () -> {
            requests++;
            if (requests == 1) {
                throw new IllegalStateException("client closed");
            }
            return CompletableFuture.completedFuture(null);
        }, (task, delay) -> due.add(task), BACKOFF, failures);

        throwing.onConnect();
        assertThat(throwing.isSubscribed()).isFalse();
        runDue();

        assertThat(throwing.isSubscribed()).isTrue();
        assertThat(failures.count()).isEqualTo(1.0);
    }

    @Test
    void aDisconnectStopsTheRetriesOfTheOldConnectionAndTheReconnectStartsAfresh() {
        refuse(135);
        keeper.onConnect();
        keeper.onDisconnect("connection lost");
        assertThat(keeper.isConnected()).isFalse();
        assertThat(keeper.verdict().detail()).isEqualTo("disconnected: connection lost");
        runDue();
        assertThat(requests).as("no retry on a dropped connection").isEqualTo(1);

        grant();
        keeper.onConnect();

        assertThat(keeper.isSubscribed()).isTrue();
        assertThat(requests).isEqualTo(2);
    }

    @Test
    void aLateAnswerToAnOlderConnectionChangesNothing() {
        CompletableFuture<Void> late = new CompletableFuture<>();
        answers.add(late);
        keeper.onConnect();
        keeper.onDisconnect("connection lost");

        late.complete(null);

        assertThat(keeper.isSubscribed()).isFalse();
    }

    @Test
    void anUnansweredSubscriptionIsNotReady() {
        keeper.onConnect();
        assertThat(keeper.isConnected()).isTrue();
        assertThat(keeper.verdict().up()).isFalse();
        assertThat(keeper.verdict().detail()).isEqualTo("subscribing to $share/g/parks/#");
    }

    @Test
    void stoppingEndsTheRetries() {
        refuse(135);
        keeper.onConnect();
        keeper.stop();
        runDue();
        assertThat(requests).isEqualTo(1);
    }

    @Test
    void aSubscriptionGrantedAtConnectIsReadyAtOnce() {
        keeper.onConnectSubscribed();
        assertThat(keeper.verdict().up()).isTrue();
        assertThat(requests).isZero();
    }

    private void refuse(int reasonCode) {
        answers.add(CompletableFuture.failedFuture(new MqttException(reasonCode)));
    }

    private void grant() {
        answers.add(CompletableFuture.completedFuture(null));
    }

    private void runDue() {
        List<Runnable> now = new ArrayList<>(due);
        due.clear();
        now.forEach(Runnable::run);
    }
}
