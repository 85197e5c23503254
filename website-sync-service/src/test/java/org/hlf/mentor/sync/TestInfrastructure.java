package org.hlf.mentor.sync;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.hlf.mentor.testsupport.KafkaBrokerResource;
import org.hlf.mentor.testsupport.PostgresDatabaseResource;

/** Real infrastructure for every test of this module: the JVM's Kafka broker and the website_sync_test database. */
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "website_sync_test"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
