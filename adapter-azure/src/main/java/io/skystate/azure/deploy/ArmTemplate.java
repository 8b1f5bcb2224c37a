package io.skystate.azure.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.Skystate;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.azure.functions.DurableWorkflowFunctions;
import io.skystate.azure.internal.AzureNames;
import io.skystate.azure.internal.durable.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Generates the ARM template (JSON, deployable with {@code az deployment group create}) of a Skystate app on Azure:
 * the storage account (HTTPS only, TLS 1.2, no public blobs) with a table per store (when state is in tables), the
 * queue-claim table and a queue per queue; for Cosmos DB state a serverless Cosmos DB for NoSQL account (account keys
 * may read and write data, not change databases or containers), the database and a container per store
 * ({@code /pk}, hash v2, TTL on); a Linux consumption plan and the Java 17 function app
 * (HTTPS only) with the app settings {@code FunctionsRuntime} reads ({@code FUNCTIONS_EXTENSION_VERSION ~4}, as
 * the extension bundle 4 of {@link FunctionAppLayout}'s {@code host.json} needs). With {@link #durableFunctions}, also
 * what {@link DurableWorkflowFunctions} needs: the workflow engine's stores and completion queue, the task hub name
 * ({@value DurableWorkflowFunctions#TASK_HUB_SETTING}) and that queue's Storage name
 * ({@value DurableWorkflowFunctions#CALLBACK_QUEUE_SETTING}); the Durable extension creates the task hub's own
 * queues, tables and containers in the storage account itself. Native names are the ones the adapter computes at run
 * time for the same prefix, so the app runs with {@code SKYSTATE_CREATE_RESOURCES=false}. Build with
 * {@link #builder()}; the result is a Jackson tree. Not thread-safe while building.
 */
public final class ArmTemplate {
    static final String STORAGE_API = "2023-05-01";
    static final String COSMOS_API = "2024-05-15";
    static final String WEB_API = "2023-12-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORAGE_ID = "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]";
    private static final String COSMOS_ID = "[resourceId('Microsoft.DocumentDB/databaseAccounts', parameters('cosmosAccountName'))]";

    private String prefix = "skystate";
    private StateBackend state = StateBackend.TABLES;
    private final Set<String> stores = new LinkedHashSet<>(AzureSkystate.FRAMEWORK_STORES);
    private final Set<String> queues = new LinkedHashSet<>();
    private String workQueue = "work";
    private boolean handlerEndpoints;
    private boolean durableFunctions;
    private String cosmosDatabase = "skystate";

    private ArmTemplate() {
    }

    public static ArmTemplate builder() {
        return new ArmTemplate();
    }

    public ArmTemplate prefix(String prefix) {
        this.prefix = AzureNames.checkPrefix(prefix);
        return this;
    }

    public ArmTemplate state(StateBackend state) {
        this.state = Objects.requireNonNull(state);
        return this;
    }

    /** The application's stores (Skystate's own are always included). */
    public ArmTemplate stores(List<String> names) {
        names.forEach(n -> stores.add(Skystate.validateName("store", n)));
        return this;
    }

    /** The application's queues; the work queue is always included. */
    public ArmTemplate queues(List<String> names) {
        names.forEach(n -> queues.add(Skystate.validateName("queue", n)));
        return this;
    }

    /** The queue the {@code skystate-work} queue trigger consumes. */
    public ArmTemplate workQueue(String name) {
        this.workQueue = Skystate.validateName("queue", name);
        return this;
    }

    public ArmTemplate handlerEndpoints(boolean enabled) {
        this.handlerEndpoints = enabled;
        return this;
    }

    /**
     * Whether the app deploys {@link DurableWorkflowFunctions} (workflows on the host's Durable Functions extension):
     * adds the stores {@value Names#REGISTRY_STORE} and {@value Names#CLAIM_STORE}, the queue
     * {@value Names#CALLBACK_QUEUE} and the app settings naming the task hub and that queue. Off by default.
     */
    public ArmTemplate durableFunctions(boolean enabled) {
        this.durableFunctions = enabled;
        return this;
    }

    public ArmTemplate cosmosDatabase(String database) {
        this.cosmosDatabase = Objects.requireNonNull(database);
        return this;
    }

    /** The template. */
    public ObjectNode build() {
        ObjectNode template = JSON.createObjectNode()
                .put("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#")
                .put("contentVersion", "1.0.0.0");
        ObjectNode parameters = template.putObject("parameters");
        parameter(parameters, "location", "[resourceGroup().location]", "Region of every resource");
        parameter(parameters, "storageAccountName", "[concat('sky', uniqueString(resourceGroup().id))]",
                "Storage account: queues, claim checks and table state; also the function app's AzureWebJobsStorage");
        parameter(parameters, "functionAppName", "[concat('" + prefix + "-', uniqueString(resourceGroup().id))]",
                "Function app (its URL is the callback base URL)");
        parameters.putObject("keyEncryptionKey").put("type", "securestring").putObject("metadata")
                .put("description", "Base64 of at least 32 random bytes: wraps the key rings Skystate stores");
        if (state == StateBackend.COSMOS) {
            parameter(parameters, "cosmosAccountName", "[concat('" + prefix + "-', uniqueString(resourceGroup().id))]",
                    "Cosmos DB for NoSQL account (serverless)");
        }
        ArrayNode resources = template.putArray("resources");
        List<String> storageChildren = new ArrayList<>();
        resources.add(storageAccount());
        Set<String> tables = new LinkedHashSet<>();
        tables.add(AzureSkystate.QUEUE_CLAIM_STORE);
        if (state == StateBackend.TABLES) {
            tables.addAll(allStores());
        }
        for (String store : tables) {
            String name = AzureNames.table(prefix, store);
            resources.add(child("Microsoft.Storage/storageAccounts/tableServices/tables", STORAGE_API,
                    "[format('{0}/default/{1}', parameters('storageAccountName'), '" + name + "')]", STORAGE_ID));
            storageChildren.add(name);
        }
        for (String queue : allQueues()) {
            resources.add(child("Microsoft.Storage/storageAccounts/queueServices/queues", STORAGE_API,
                    "[format('{0}/default/{1}', parameters('storageAccountName'), '" + AzureNames.queue(prefix, queue) + "')]",
                    STORAGE_ID));
        }
        if (state == StateBackend.COSMOS) {
            CosmosResources.add(resources, cosmosDatabase, allStores().stream().map(s -> AzureNames.container(prefix, s)).toList());
        }
        FunctionAppResources.add(resources, appSettings(), state == StateBackend.COSMOS);
        template.putObject("outputs").putObject("functionAppUrl").put("type", "string")
                .put("value", "[format('https://{0}/', reference(resourceId('Microsoft.Web/sites', parameters('functionAppName')), '"
                        + WEB_API + "').defaultHostName)]");
        return template;
    }

    private Set<String> allStores() {
        Set<String> all = new LinkedHashSet<>(stores);
        if (durableFunctions) {
            all.addAll(List.of(Names.REGISTRY_STORE, Names.CLAIM_STORE));
        }
        return all;
    }

    private Set<String> allQueues() {
        Set<String> all = new LinkedHashSet<>(queues);
        all.add(workQueue);
        if (durableFunctions) {
            all.add(Names.CALLBACK_QUEUE);
        }
        return all;
    }

    private ObjectNode storageAccount() {
        ObjectNode account = JSON.createObjectNode().put("type", "Microsoft.Storage/storageAccounts")
                .put("apiVersion", STORAGE_API).put("name", "[parameters('storageAccountName')]")
                .put("location", "[parameters('location')]").put("kind", "StorageV2");
        account.putObject("sku").put("name", "Standard_LRS");
        ObjectNode properties = account.putObject("properties").put("supportsHttpsTrafficOnly", true)
                .put("minimumTlsVersion", "TLS1_2").put("allowBlobPublicAccess", false);
        properties.putObject("networkAcls").put("bypass", "AzureServices").put("defaultAction", "Allow");
        return account;
    }

    private List<String[]> appSettings() {
        List<String[]> settings = new ArrayList<>();
        settings.add(new String[] {"AzureWebJobsStorage", "[format('DefaultEndpointsProtocol=https;AccountName={0};AccountKey={1};"
                + "EndpointSuffix={2}', parameters('storageAccountName'), listKeys(" + STORAGE_ID.substring(1, STORAGE_ID.length() - 1)
                + ", '" + STORAGE_API + "').keys[0].value, environment().suffixes.storage)]"});
        settings.add(new String[] {"FUNCTIONS_EXTENSION_VERSION", "~4"});
        settings.add(new String[] {"FUNCTIONS_WORKER_RUNTIME", "java"});
        settings.add(new String[] {"SKYSTATE_PREFIX", prefix});
        settings.add(new String[] {"SKYSTATE_AZURE_STATE", state.name().toLowerCase(java.util.Locale.ROOT)});
        settings.add(new String[] {"SKYSTATE_CREATE_RESOURCES", "false"});
        settings.add(new String[] {"SKYSTATE_HTTP_BASE_URL", "[format('https://{0}.azurewebsites.net/', parameters('functionAppName'))]"});
        settings.add(new String[] {"SKYSTATE_HANDLER_ENDPOINTS", Boolean.toString(handlerEndpoints)});
        settings.add(new String[] {"SKYSTATE_KEY_ENCRYPTION_KEY", "[parameters('keyEncryptionKey')]"});
        settings.add(new String[] {"SKYSTATE_WORK_QUEUE", workQueue});
        settings.add(new String[] {"SKYSTATE_WORK_QUEUE_NATIVE", AzureNames.queue(prefix, workQueue)});
        if (durableFunctions) {
            settings.add(new String[] {DurableWorkflowFunctions.TASK_HUB_SETTING, AzureNames.taskHub(prefix)});
            settings.add(new String[] {DurableWorkflowFunctions.CALLBACK_QUEUE_SETTING,
                    AzureNames.queue(prefix, Names.CALLBACK_QUEUE)});
        }
        if (state == StateBackend.COSMOS) {
            String cosmos = COSMOS_ID.substring(1, COSMOS_ID.length() - 1);
            settings.add(new String[] {"SKYSTATE_COSMOS_ENDPOINT", "[reference(" + cosmos + ", '" + COSMOS_API + "').documentEndpoint]"});
            settings.add(new String[] {"SKYSTATE_COSMOS_KEY", "[listKeys(" + cosmos + ", '" + COSMOS_API + "').primaryMasterKey]"});
            settings.add(new String[] {"SKYSTATE_COSMOS_DATABASE", cosmosDatabase});
        }
        return settings;
    }

    static ObjectNode child(String type, String apiVersion, String name, String dependsOn) {
        ObjectNode child = JSON.createObjectNode().put("type", type).put("apiVersion", apiVersion).put("name", name);
        child.putArray("dependsOn").add(dependsOn);
        return child;
    }

    private static void parameter(ObjectNode parameters, String name, String defaultValue, String description) {
        ObjectNode parameter = parameters.putObject(name).put("type", "string").put("defaultValue", defaultValue);
        parameter.putObject("metadata").put("description", description);
    }

    /** Cosmos DB for NoSQL: a serverless account, one database, one container per store. */
    private static final class CosmosResources {
        static void add(ArrayNode resources, String database, List<String> containers) {
            ObjectNode account = JSON.createObjectNode().put("type", "Microsoft.DocumentDB/databaseAccounts")
                    .put("apiVersion", COSMOS_API).put("name", "[parameters('cosmosAccountName')]")
                    .put("location", "[parameters('location')]").put("kind", "GlobalDocumentDB");
            ObjectNode properties = account.putObject("properties").put("databaseAccountOfferType", "Standard")
                    .put("minimalTlsVersion", "Tls12").put("disableKeyBasedMetadataWriteAccess", true);
            properties.putObject("consistencyPolicy").put("defaultConsistencyLevel", "Session");
            properties.putArray("locations").addObject().put("locationName", "[parameters('location')]").put("failoverPriority", 0);
            properties.putArray("capabilities").addObject().put("name", "EnableServerless");
            resources.add(account);
            ObjectNode db = child("Microsoft.DocumentDB/databaseAccounts/sqlDatabases", COSMOS_API,
                    "[format('{0}/{1}', parameters('cosmosAccountName'), '" + database + "')]", COSMOS_ID);
            db.putObject("properties").putObject("resource").put("id", database);
            resources.add(db);
            for (String container : containers) {
                ObjectNode c = child("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers", COSMOS_API,
                        "[format('{0}/{1}/{2}', parameters('cosmosAccountName'), '" + database + "', '" + container + "')]",
                        "[resourceId('Microsoft.DocumentDB/databaseAccounts/sqlDatabases', parameters('cosmosAccountName'), '"
                                + database + "')]");
                ObjectNode resource = c.putObject("properties").putObject("resource").put("id", container).put("defaultTtl", -1);
                ObjectNode pk = resource.putObject("partitionKey").put("kind", "Hash").put("version", 2);
                pk.putArray("paths").add("/pk");
                resources.add(c);
            }
        }
    }

    /** The Linux consumption plan and the Java 17 function app. */
    private static final class FunctionAppResources {
        static void add(ArrayNode resources, List<String[]> settings, boolean cosmos) {
            ObjectNode plan = JSON.createObjectNode().put("type", "Microsoft.Web/serverfarms").put("apiVersion", WEB_API)
                    .put("name", "[concat(parameters('functionAppName'), '-plan')]").put("location", "[parameters('location')]")
                    .put("kind", "functionapp");
            plan.putObject("sku").put("name", "Y1").put("tier", "Dynamic");
            plan.putObject("properties").put("reserved", true);
            resources.add(plan);
            ObjectNode site = JSON.createObjectNode().put("type", "Microsoft.Web/sites").put("apiVersion", WEB_API)
                    .put("name", "[parameters('functionAppName')]").put("location", "[parameters('location')]")
                    .put("kind", "functionapp,linux");
            site.putObject("identity").put("type", "SystemAssigned");
            ArrayNode dependsOn = site.putArray("dependsOn");
            dependsOn.add("[resourceId('Microsoft.Web/serverfarms', concat(parameters('functionAppName'), '-plan'))]");
            dependsOn.add(STORAGE_ID);
            if (cosmos) {
                dependsOn.add(COSMOS_ID);
            }
            ObjectNode properties = site.putObject("properties")
                    .put("serverFarmId", "[resourceId('Microsoft.Web/serverfarms', concat(parameters('functionAppName'), '-plan'))]")
                    .put("httpsOnly", true);
            ObjectNode config = properties.putObject("siteConfig").put("linuxFxVersion", "Java|17")
                    .put("minTlsVersion", "1.2").put("ftpsState", "Disabled").put("http20Enabled", true);
            ArrayNode appSettings = config.putArray("appSettings");
            for (String[] setting : settings) {
                appSettings.addObject().put("name", setting[0]).put("value", setting[1]);
            }
            resources.add(site);
        }
    }
}
