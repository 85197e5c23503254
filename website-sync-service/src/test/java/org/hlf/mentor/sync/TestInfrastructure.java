package org.hlf.mentor.sync;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.hlf.mentor.testsupport.KafkaBrokerResource;
import org.hlf.mentor.testsupport.PostgresDatabaseResource;
import org.hlf.mentor.testsupport.SandboxResource;

/**
 * Infrastructure of every test of this module: the JVM's real Kafka broker, the real website_sync_test database,
 * the packaged Dataverse sandbox as the portal (a real process), and a stub of pause-service's roster read and of
 * the alert receiver.
 */
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "website_sync_test"))
@WithTestResource(value = SandboxResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PauseServiceStub.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
