package io.parkwatch.infra.mqtt.hivemq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

class HiveMqConfigXmlTest {

    private final EmbeddedMqttConfig config =
        EmbeddedMqttConfig.defaults(Path.of("/tmp/unused"), new StaticAccessPolicy(List.of()));

    /** HiveMQ only logs an invalid config.xml and falls back to defaults, so check it here. */
    @Test
    void rendersAConfigThatHiveMqsOwnSchemaAccepts() throws Exception {
        URL xsd = EmbeddedMqttBroker.class.getClassLoader().getResource("config.xsd");
        assertThat(xsd).as("config.xsd in the HiveMQ jar").isNotNull();
        var validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator();

        for (MqttPersistence persistence : MqttPersistence.values()) {
            String xml = HiveMqConfigXml.render(config.withPersistence(persistence), 18_830);
            assertThatCode(() -> validator.validate(new StreamSource(new StringReader(xml))))
                .doesNotThrowAnyException();
        }
    }

    @Test
    void listensOnLoopbackWithARaisedQueueAndNoUsageStatistics() {
        String xml = HiveMqConfigXml.render(config.withPersistence(MqttPersistence.FILE), 18_830);

        assertThat(xml).contains("<port>18830</port>", "<bind-address>127.0.0.1</bind-address>",
            "<max-queue-size>1000000</max-queue-size>", "<mode>file</mode>",
            "<anonymous-usage-statistics>\n    <enabled>false</enabled>");
    }

    @Test
    void aTlsListenerWithAClientCaValidatesAndAsksForCertificatesWithoutRequiringThem() throws Exception {
        URL xsd = EmbeddedMqttBroker.class.getClassLoader().getResource("config.xsd");
        var validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator();
        HiveMqTlsStores stores = new HiveMqTlsStores(18_883, Path.of("/d/ks.p12"), Path.of("/d/ts.p12"), "pw");

        String xml = HiveMqConfigXml.render(config, 18_830, stores);

        validator.validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<tls-tcp-listener>", "<port>18883</port>", "<path>/d/ks.p12</path>",
            "<path>/d/ts.p12</path>", "<client-authentication-mode>OPTIONAL</client-authentication-mode>");
        String withoutClientCa = HiveMqConfigXml.render(config, 18_830,
            new HiveMqTlsStores(18_883, Path.of("/d/ks.p12"), null, "pw"));
        validator.validate(new StreamSource(new StringReader(withoutClientCa)));
        assertThat(withoutClientCa).contains("<tls-tcp-listener>").doesNotContain("truststore", "client-authentication");
    }

    @Test
    void offersNoTopicAliasesSoThatAPublishResentAfterAReconnectCarriesItsTopic() {
        String xml = HiveMqConfigXml.render(config, 18_830);

        assertThat(xml).contains("<topic-alias>\n      <enabled>false</enabled>");
    }
}
