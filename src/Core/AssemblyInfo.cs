using System.Runtime.CompilerServices;

// Every struct crossing into libc is blittable; no runtime marshalling stubs are generated.
[assembly: DisableRuntimeMarshalling]
