/**
 * The compiler from portable workflow definitions to Google Cloud Workflows YAML
 * ({@link io.skystate.gcp.internal.workflows.yaml.YamlCompiler}): one compiler per step kind, paths as guarded
 * switch steps, retries as nested {@code try/retry}, catches as {@code except}, parallel steps as branches with shared
 * outcome slots, and the shared helper subworkflows every generated workflow contains.
 */
package io.skystate.gcp.internal.workflows.yaml;
