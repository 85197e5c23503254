package org.hlf.mentor.sync;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.hlf.mentor.testsupport.KafkaBrokerResource;
import org.hlf.mentor.testsupport.PostgresDatabaseResource;

/**
 * Infrastructure of every test of this module: the JVM's real Kafka broker, the real website_sync_test database,
 * and the portal as WireMock (the only mock).
 */
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "website_sync_test"))
@WithTestResource(value = PortalMockResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
