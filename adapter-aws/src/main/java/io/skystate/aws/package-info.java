/**
 * The AWS adapter. <strong>It has no implementation yet and declares no provider</strong>: nothing in this module is
 * registered with {@link java.util.ServiceLoader}, so {@code Skystate} cannot select an {@code aws} provider today.
 *
 * <p>Planned mapping of the portable API onto AWS services:
 * <ul>
 *   <li><b>State</b>: one DynamoDB table per store; partition key {@code pk} = the key's group, sort key
 *       {@code sk} = the key's id. Versions and conditional writes use condition expressions; transactions use
 *       {@code TransactWriteItems}.</li>
 *   <li><b>Workflows and callbacks</b>: AWS Step Functions; a callback is a task token.</li>
 *   <li><b>Queues</b>: Amazon SQS.</li>
 *   <li><b>Handlers</b>: AWS Lambda.</li>
 * </ul>
 *
 * <p>The package exists so that the architecture rules already cover {@code io.skystate.aws}: it must not depend on
 * another adapter, nor reach into another module's {@code internal} packages.
 */
package io.skystate.aws;
