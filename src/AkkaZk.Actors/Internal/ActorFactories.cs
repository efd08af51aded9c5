using System.Linq.Expressions;
using System.Reflection;

namespace AkkaZk.Actors.Internal;

/// <summary>
/// Turns <c>() => new Actor(a, b)</c> into a factory without compiling it: compiling costs about half a
/// millisecond, too much for Props made per session. As in Akka.NET, the arguments are evaluated once, when the
/// Props is made, and every incarnation (restarts included) gets those same values.
/// </summary>
internal static class ActorFactories
{
    public static Func<ActorBase> FromExpression<TActor>(Expression<Func<TActor>> factory)
        where TActor : ActorBase
    {
        if (factory.Body is not NewExpression { Constructor: { } constructor } created)
        {
            // Anything but a plain constructor call (object initializers, factory methods) is compiled.
            return factory.Compile();
        }

        var arguments = created.Arguments.Select(Evaluate).ToArray();
        var invoker = ConstructorInvoker.Create(constructor);
        return () => (ActorBase)invoker.Invoke(arguments.AsSpan());
    }

    private static object? Evaluate(Expression expression)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                return constant.Value;

            // A captured local or a field: read it through the closure object.
            case MemberExpression { Member: FieldInfo field } member:
                return field.GetValue(member.Expression is null ? null : Evaluate(member.Expression));
            case MemberExpression { Member: PropertyInfo property } member:
                return property.GetValue(member.Expression is null ? null : Evaluate(member.Expression));

            // Boxing or an upcast, which leaves the value as it is.
            case UnaryExpression { NodeType: ExpressionType.Convert } convert when !convert.Type.IsValueType || Nullable.GetUnderlyingType(convert.Type) == convert.Operand.Type:
                var value = Evaluate(convert.Operand);
                if (value is null || convert.Type.IsInstanceOfType(value))
                {
                    return value;
                }

                break;
        }

        return Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile(preferInterpretation: true)();
    }
}
